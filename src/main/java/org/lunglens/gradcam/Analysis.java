package org.lunglens.gradcam;

import org.lunglens.model.Prediction;

/**
 * One image run through one model: what the model saw, what it said, and why (for one class).
 *
 * @param model         the model and its facts
 * @param input         the exact model input ({@code size*size} values in [0, 1], row-major)
 * @param prediction    every class's probability; its {@code millis} covers preprocessing and inference
 * @param heatmap       Grad-CAM of the explained class, or null when the model has no convolution
 * @param gradCamMillis time the Grad-CAM took (0 without one)
 */
public record Analysis(ModelSession.Info model, float[] input, Prediction prediction, Heatmap heatmap,
                       double gradCamMillis) {
    public int inputSize() {
        return model.metadata().preprocessing().size();
    }

    public Analysis withHeatmap(Heatmap map, double millis) {
        return new Analysis(model, input, prediction, map, millis);
    }
}
