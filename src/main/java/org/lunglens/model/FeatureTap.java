package org.lunglens.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A place in the network's forward pass whose activations describe a film for the familiarity check.
 *
 * @param layer    the layer whose output is read (its index in DL4J's list; 0 is the first layer)
 * @param withSpread besides each channel's spatial mean, also its spatial standard deviation (texture and
 *                 contrast: where sites differ most in the first layers)
 */
public record FeatureTap(int layer, boolean withSpread) {
    /** Features of one row of a batch of this layer's activations ([N, C, H, W] or [N, C]). */
    public float[] features(INDArray activations, int row) {
        INDArray a = activations.slice(row);
        if (a.rank() == 1) {
            return a.toFloatVector();
        }
        int channels = (int) a.size(0);
        float[] flat = a.dup('c').data().asFloat();
        int plane = flat.length / channels;
        float[] out = new float[withSpread ? 2 * channels : channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                sum += flat[i];
                squares += (double) flat[i] * flat[i];
            }
            double mean = sum / plane;
            out[c] = (float) mean;
            if (withSpread) {
                out[channels + c] = (float) Math.sqrt(Math.max(0, squares / plane - mean * mean));
            }
        }
        return out;
    }
}
