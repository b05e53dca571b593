package org.lunglens.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.PixelSpacing;
import org.lunglens.imaging.ValueScale;

/**
 * A measurement's value in words, one line per fact: what the viewer writes beside it and the log keeps with it.
 * Lengths are in mm where the file gives its pixel spacing ("at detector" when that is the Imager Pixel Spacing,
 * larger than the patient by the magnification), otherwise in pixels, and the text says so.
 */
public final class MeasurementValues {
    /** Said after a length in pixels. */
    public static final String NO_SPACING = "px (no pixel spacing)";

    private MeasurementValues() {
    }

    public static List<String> lines(Measurement m, LoadedImage image) {
        return lines(m, image.pixels(), image.valueScale(), image.pixelSpacing());
    }

    public static List<String> lines(Measurement m, PixelData pixels, ValueScale scale,
                                     Optional<PixelSpacing> spacing) {
        List<String> out = new ArrayList<>();
        switch (m.kind()) {
            case RULER -> out.add(length(Geometry.length(m.point(0), m.point(1), spacing), spacing));
            case ANGLE -> out.add(String.format(Locale.ROOT, "%.1f\u00b0",
                    Geometry.angleDegrees(m.point(0), m.point(1), m.point(2), spacing)));
            case RECTANGLE, ELLIPSE -> out.addAll(roi(m, pixels, scale, spacing));
            case CTR -> {
                out.add(String.format(Locale.ROOT, "CTR %.2f", Geometry.cardiothoracicRatio(m, spacing)));
                out.add("cardiac " + length(Geometry.length(m.point(0), m.point(1), spacing), spacing));
                out.add("thoracic " + length(Geometry.length(m.point(2), m.point(3), spacing), spacing));
            }
            case TEXT -> out.add(m.text());
            case ARROW -> {
                if (!m.text().isEmpty()) {
                    out.add(m.text());
                }
            }
        }
        return out;
    }

    /** The lines joined with "; ", as the log keeps them. */
    public static String text(Measurement m, LoadedImage image) {
        return String.join("; ", lines(m, image));
    }

    static String length(double value, Optional<PixelSpacing> spacing) {
        if (spacing.isEmpty()) {
            return String.format(Locale.ROOT, "%.1f %s", value, NO_SPACING);
        }
        return String.format(Locale.ROOT, "%.1f mm%s", value, spacing.get().atDetector() ? " at detector" : "");
    }

    private static List<String> roi(Measurement m, PixelData pixels, ValueScale scale,
                                    Optional<PixelSpacing> spacing) {
        boolean ellipse = m.kind() == MeasurementKind.ELLIPSE;
        RoiStatistics s = RoiStatistics.of(pixels, scale, ellipse, m.point(0), m.point(1));
        if (s.count() == 0) {
            return List.of("no pixels inside");
        }
        String unit = !pixels.isGray() ? " (luminance)" : scale.unit().isEmpty() ? "" : " " + scale.unit();
        double area = Geometry.area(m.point(0), m.point(1), ellipse, spacing);
        return List.of(String.format(Locale.ROOT, "mean %s, SD %s%s", number(s.mean()), number(s.sd()), unit),
                String.format(Locale.ROOT, "min %s, max %s", number(s.min()), number(s.max())),
                String.format(Locale.ROOT, "%d px, %.1f %s", s.count(), area,
                        spacing.isPresent() ? "mm\u00b2" : "px\u00b2"));
    }

    /** Whole numbers without decimals (a 16-bit sample), others with one. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
