package org.lunglens.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lunglens.explain.HeatCheck;
import org.lunglens.explain.Occlusion;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.Captions;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.Prediction;
import org.lunglens.imaging.PixelData;

/**
 * {@code classify --occlusion DIR}: per image, the occlusion map of the explained class beside its Grad-CAM (one
 * PNG, {@code NAME-occlusion.png}), with the prediction, both heat checks and the time the occlusion took.
 */
final class OcclusionExport {
    private static final int MIN_SIDE = 512;
    private static final int GAP = 12;

    private final ModelSession session;
    private final ExportFolder folder;
    private final OverlayStyle style;
    private final int classIndex;
    private final Occlusion.Settings settings;
    private final Occlusion occlusion;
    private final List<Double> millis = new ArrayList<>();

    OcclusionExport(ModelSession session, ExportFolder folder, OverlayStyle style, int classIndex, Occlusion.Settings settings) {
        this.session = session;
        this.folder = folder;
        this.style = style;
        this.classIndex = classIndex;
        this.settings = settings;
        this.occlusion = new Occlusion(session.classifier());
    }

    /** Classifies, explains both ways and writes one PNG; returns the prediction's probabilities. */
    Prediction process(LoadedImage image) throws IOException {
        Path file = image.source();
        PixelData pixels = image.pixels();
        Analysis a = session.analyse(pixels, classIndex);
        int explained = classIndex >= 0 ? classIndex : a.prediction().predictedIndex();
        Occlusion.Result occ = occlusion.compute(a.input(), explained, settings);
        millis.add(occ.millis());
        int size = a.inputSize();
        BufferedImage base = HeatmapRenderer.grayImage(pixels, MIN_SIDE);
        BufferedImage gradCam = a.heatmap() == null ? base : HeatmapRenderer.overlay(base, a.heatmap(), style);
        BufferedImage occView = HeatmapRenderer.overlay(base, occ.map(), style);
        List<String> lines = new ArrayList<>(Captions.lines(file.getFileName().toString(), a, true));
        lines.add("Right: " + occ.map().layer() + String.format(Locale.ROOT, ", %d passes, %.0f ms; ", occ.passes(),
                occ.millis()) + Occlusion.describeFall(occ.map()));
        lines.add("Grad-CAM: " + HeatCheck.of(a.heatmap(), a.input(), size).summary()
                + "; occlusion: " + HeatCheck.of(occ.map(), a.input(), size).summary());
        HeatCheck.of(a.heatmap(), a.input(), size).warnings().forEach(w -> lines.add("Warning (Grad-CAM): " + w));
        HeatCheck.of(occ.map(), a.input(), size).warnings().forEach(w -> lines.add("Warning (occlusion): " + w));
        BufferedImage out = HeatmapRenderer.withCaption(sideBySide(gradCam, occView), lines, occ.map(), style,
                "Occlusion");
        folder.writePng(out, file);
        return a.prediction();
    }

    private static BufferedImage sideBySide(BufferedImage left, BufferedImage right) {
        int h = Math.max(left.getHeight(), right.getHeight()) + 22;
        BufferedImage out = new BufferedImage(left.getWidth() + GAP + right.getWidth(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x1E1E1E));
        g.fillRect(0, 0, out.getWidth(), h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.WHITE);
        g.drawString("Grad-CAM", 6, 16);
        g.drawString("Occlusion sensitivity", left.getWidth() + GAP + 6, 16);
        g.drawImage(left, 0, 22, null);
        g.drawImage(right, left.getWidth() + GAP, 22, null);
        g.dispose();
        return out;
    }


    String timing() {
        if (millis.isEmpty()) {
            return "occlusion timing: no images";
        }
        double[] s = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "occlusion timing (%d images, %s, batches of %d): median %.0f ms per image",
                s.length, settings.describe(), settings.batch(), median);
    }
}
