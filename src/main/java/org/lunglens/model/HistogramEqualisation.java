package org.lunglens.model;

/**
 * Global histogram equalisation of a model input: each value becomes the share of the image's pixels
 * darker than it (ties share their mid rank), so the output's histogram is flat on [0, 1].
 *
 * <p>Why: sites differ most in how they map X-ray attenuation to grey values (exposure, gamma, contrast,
 * windowing at export). Equalisation makes the input the same for any increasing grey-value mapping of one
 * film, so a network cannot learn a site from those differences. A constant image becomes all 0.5.
 */
public final class HistogramEqualisation {
    /** Bins of the histogram; inputs are in [0, 1] and come from at most 16-bit data. */
    private static final int BINS = 4096;

    private HistogramEqualisation() {
    }

    /** A new array: every value of {@code input} (clamped to [0, 1]) replaced by its mid-rank share. */
    public static float[] apply(float[] input) {
        return apply(input, 0, 0);
    }

    /**
     * The same, with the shares counted on the pixels of the square {@code size} input outside a band
     * {@code border} pixels wide along its sides ({@link BorderMask}): a masked band's labels and collimation then
     * change nothing in the part the model sees. Band pixels are mapped too (the mask hides them afterwards).
     */
    public static float[] apply(float[] input, int size, int border) {
        int[] bins = new int[input.length];
        int[] counts = new int[BINS];
        long counted = 0;
        for (int i = 0; i < input.length; i++) {
            float v = Math.max(0f, Math.min(1f, input[i]));
            bins[i] = Math.min(BINS - 1, (int) (v * BINS));
            if (border <= 0 || !BorderMask.inBand(i % size, i / size, size, border)) {
                counts[bins[i]]++;
                counted++;
            }
        }
        float[] level = new float[BINS];
        long below = 0;
        for (int b = 0; b < BINS; b++) {
            level[b] = (float) ((below + counts[b] / 2.0) / counted);
            below += counts[b];
        }
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = level[bins[i]];
        }
        return out;
    }
}
