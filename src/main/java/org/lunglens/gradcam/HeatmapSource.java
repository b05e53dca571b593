package org.lunglens.gradcam;

/** Something that explains a model's class for one preprocessed input: Grad-CAM of one network or of a combined model. */
public interface HeatmapSource {
    Heatmap compute(float[] input, int classIndex);

    /** Which layer is explained, for the UI. */
    String layerDescription();
}
