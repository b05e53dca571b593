package org.lunglens.gradcam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lunglens.model.Prediction;

/** The text that goes under an exported overlay, the same in the app and the CLI. */
public final class Captions {
    private Captions() {
    }

    /** File and model, prediction with every probability, and (when {@code withHeatmap}) what the heatmap explains. */
    public static List<String> lines(String fileName, Analysis a, boolean withHeatmap) {
        Prediction p = a.prediction();
        StringBuilder probs = new StringBuilder();
        for (int c = 0; c < p.classes().size(); c++) {
            probs.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f %%", p.classes().get(c),
                    100 * p.probabilities()[c]));
        }
        List<String> lines = new ArrayList<>();
        lines.add(fileName + "  \u2014  model " + a.model().title());
        lines.add("Predicted: " + p.predictedClass() + "   (" + probs + ")");
        if (withHeatmap) {
            lines.add(heatmap(a));
        }
        return lines;
    }

    public static String heatmap(Analysis a) {
        if (a.heatmap() == null) {
            return "No Grad-CAM: this model has no convolutional layer.";
        }
        String what = "Grad-CAM of '" + a.heatmap().className() + "' at " + a.heatmap().layer();
        return a.heatmap().isEmpty() ? what + ": empty (no positive evidence for this class)" : what;
    }
}
