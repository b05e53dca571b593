package org.lunglens.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lunglens.gradcam.Heatmap;

/**
 * Where a heatmap's heat lies, and a warning when it is not where the disease is (DeGrave et al., Nature Machine
 * Intelligence 2021: COVID classifiers often learn the hospital, not the lungs). A documented heuristic, not a
 * detector:
 * <ul>
 * <li><b>chest region</b>: the ellipse centred on the film with semi-axes {@value #ELLIPSE_A} of its width and
 * {@value #ELLIPSE_B} of its height (half the film's area; it holds both lung fields on a PA film). Warns when more
 * than {@value #OUTSIDE_LIMIT} of the heat lies outside it.</li>
 * <li><b>border and markers</b>: the outer {@value #BORDER} of the film on each side (where side markers, labels
 * and burned-in text sit), plus near-white input pixels (at least {@value #MARKER_LEVEL} of full scale) outside the
 * chest ellipse, grown by one pixel: burned-in letters and lead markers. Warns when more than
 * {@value #BORDER_LIMIT} of the heat lies there.</li>
 * </ul>
 * Heat is the sum of the map's values over input pixels (the map upsampled to the input's size).
 *
 * @param outside   share of the heat outside the chest ellipse
 * @param border    share of the heat in the border band or on marker pixels
 * @param warnings  sentences for the user; empty when the heat is where it should be (or the map is empty)
 */
public record HeatCheck(double outside, double border, List<String> warnings) {
    static final double ELLIPSE_A = 0.38;
    static final double ELLIPSE_B = 0.42;
    static final double BORDER = 0.08;
    static final double MARKER_LEVEL = 0.95;
    static final double OUTSIDE_LIMIT = 0.5;
    static final double BORDER_LIMIT = 0.35;

    public HeatCheck {
        warnings = List.copyOf(warnings);
    }

    public boolean warns() {
        return !warnings.isEmpty();
    }

    /** Checks {@code map} against a {@code size x size} model input with values in [0, 1]. */
    public static HeatCheck of(Heatmap map, float[] input, int size) {
        if (map == null || map.isEmpty()) {
            return new HeatCheck(0, 0, List.of());
        }
        float[] heat = map.upsample(size, size);
        boolean[] marker = markers(input, size);
        double total = 0;
        double outside = 0;
        double border = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double h = Math.max(0, heat[i]);
                total += h;
                double nx = (x + 0.5) / size;
                double ny = (y + 0.5) / size;
                if (!inChest(nx, ny)) {
                    outside += h;
                }
                if (inBorder(nx, ny) || marker[i]) {
                    border += h;
                }
            }
        }
        if (total <= 0) {
            return new HeatCheck(0, 0, List.of());
        }
        double out = outside / total;
        double bor = border / total;
        List<String> warnings = new ArrayList<>();
        if (out > OUTSIDE_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "%.0f %% of the heat lies outside the central chest region: "
                    + "the model may be using something other than the lungs.", 100 * out));
        }
        if (bor > BORDER_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "%.0f %% of the heat lies on the film's border or on burned-in "
                    + "text and markers: a sign of shortcut learning (the hospital, not the disease).", 100 * bor));
        }
        return new HeatCheck(out, bor, warnings);
    }

    static boolean inChest(double nx, double ny) {
        double dx = (nx - 0.5) / ELLIPSE_A;
        double dy = (ny - 0.5) / ELLIPSE_B;
        return dx * dx + dy * dy <= 1;
    }

    static boolean inBorder(double nx, double ny) {
        return nx < BORDER || ny < BORDER || nx > 1 - BORDER || ny > 1 - BORDER;
    }

    /** Near-white pixels outside the chest ellipse, grown by one pixel. */
    static boolean[] markers(float[] input, int size) {
        boolean[] bright = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                bright[i] = input[i] >= MARKER_LEVEL && !inChest((x + 0.5) / size, (y + 0.5) / size);
            }
        }
        boolean[] grown = new boolean[bright.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!bright[y * size + x]) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && xx >= 0 && yy < size && xx < size) {
                            grown[yy * size + xx] = true;
                        }
                    }
                }
            }
        }
        return grown;
    }

    /** One line for captions and the UI. */
    public String summary() {
        return String.format(Locale.ROOT, "heat outside chest region %.0f %%, on border/markers %.0f %%", 100 * outside,
                100 * border);
    }
}
