package org.lunglens.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.Captions;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.Prediction;
import org.lunglens.imaging.PixelData;

/**
 * {@code classify --gradcam DIR}: images one at a time through the app's own path (classify, then
 * Grad-CAM), one overlay PNG each, and the time both steps took per image.
 */
final class GradCamExport {
    /** Overlays of small films (the 128 px data set) are enlarged so the caption fits and the heat is visible. */
    private static final int MIN_SIDE = 512;

    private final ModelSession session;
    private final ExportFolder folder;
    private final OverlayStyle style;
    private final int classIndex;
    private final List<Double> predictMillis = new ArrayList<>();
    private final List<Double> gradCamMillis = new ArrayList<>();

    GradCamExport(ModelSession session, ExportFolder folder, OverlayStyle style, int classIndex) {
        this.session = session;
        this.folder = folder;
        this.style = style;
        this.classIndex = classIndex;
    }

    /** Classifies and writes one overlay; returns the prediction's probabilities. */
    Prediction process(LoadedImage image) throws IOException {
        Path file = image.source();
        PixelData pixels = image.pixels();
        Analysis a = session.analyse(pixels, classIndex);
        predictMillis.add(a.prediction().millis());
        gradCamMillis.add(a.gradCamMillis());
        BufferedImage base = HeatmapRenderer.grayImage(pixels, MIN_SIDE);
        BufferedImage view = a.heatmap() == null ? base : HeatmapRenderer.overlay(base, a.heatmap(), style);
        BufferedImage out = HeatmapRenderer.withCaption(view,
                Captions.lines(file.getFileName().toString(), a, true), a.heatmap(), style);
        folder.writePng(out, file);
        return a.prediction();
    }


    /** Per-image times; the first image (model warm-up) is reported apart from the rest. */
    String timing() {
        if (predictMillis.isEmpty()) {
            return "timing: no images";
        }
        String first = String.format(Locale.ROOT, "first image: prediction %.1f ms, Grad-CAM %.1f ms",
                predictMillis.get(0), gradCamMillis.get(0));
        if (predictMillis.size() == 1) {
            return "timing (1 image, model load excluded): " + first;
        }
        List<Double> p = predictMillis.subList(1, predictMillis.size());
        List<Double> g = gradCamMillis.subList(1, gradCamMillis.size());
        return String.format(Locale.ROOT, "timing (%d images, model load excluded): %s; the other %d: prediction "
                + "median %.1f ms (mean %.1f), Grad-CAM median %.1f ms (mean %.1f) per image",
                predictMillis.size(), first, p.size(), median(p), mean(p), median(g), mean(g));
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
