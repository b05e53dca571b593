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
        return channelFeatures(flat, 0, channels, flat.length / channels);
    }

    /** Features of one row of a batch already copied out of ND4J ({@link Batch}): the same figures. */
    float[] features(Batch batch, int row) {
        int channels = batch.channels();
        int base = row * channels * batch.plane();
        if (batch.rank() == 2) {
            float[] out = new float[channels];
            System.arraycopy(batch.values(), base, out, 0, channels);
            return out;
        }
        return channelFeatures(batch.values(), base, channels, batch.plane());
    }

    /** Each channel's spatial mean (and standard deviation) of the planes starting at {@code base}. */
    private float[] channelFeatures(float[] flat, int base, int channels, int plane) {
        float[] out = new float[withSpread ? 2 * channels : channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            int from = base + c * plane;
            for (int i = from; i < from + plane; i++) {
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

    /**
     * A batch's activations as one row-major float array, copied out of ND4J once: per-row slices and copies cost
     * more than the features themselves (a quarter of {@code classify}'s time before).
     */
    record Batch(float[] values, int rank, int channels, int plane) {
        static Batch of(INDArray activations) {
            long[] shape = activations.shape();
            int channels = (int) shape[1];
            int plane = 1;
            for (int i = 2; i < shape.length; i++) {
                plane *= (int) shape[i];
            }
            return new Batch(activations.dup('c').data().asFloat(), shape.length, channels, plane);
        }
    }
}
