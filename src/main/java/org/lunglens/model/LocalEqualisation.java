package org.lunglens.model;

import org.lunglens.imaging.Clahe;
import org.lunglens.imaging.PixelData;

/**
 * Contrast-limited adaptive histogram equalisation of a model input ({@link Clahe}: 4x4 tiles, clip limit 16), the
 * {@code clahe} normalisation.
 *
 * <p>Why, beside {@link HistogramEqualisation}: global equalisation removes a site's grey-value mapping but keeps
 * how bright the lungs are against the rest of the frame, which framing, exposure and processing change and which
 * resembles diffuse opacity. Equalising each region against its neighbourhood removes that too. Tiles are a
 * quarter of the input at any size, so a network reads regions of the same anatomy at 64 or 128 px. The clip
 * limit is in units of the mean bin count, which is about 1 in a 16x16 px tile: at 2 (a common setting for films of
 * 512 px) the mapping is nearly linear here and undoes almost none of a region's exposure; 16 undoes about half of
 * a half-film under-exposed by 55% (global equalisation none of it; {@code LocalEqualisationTest}).
 */
public final class LocalEqualisation {
    static final int TILES = 4;
    static final double CLIP_LIMIT = 16.0;
    private static final int FULL_SCALE = 65535;

    private LocalEqualisation() {
    }

    /** A new array: the square {@code size} input (values clamped to [0, 1]) equalised tile by tile, in [0, 1]. */
    public static float[] apply(float[] input, int size) {
        int[] samples = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            samples[i] = Math.round(Math.max(0f, Math.min(1f, input[i])) * FULL_SCALE);
        }
        int[] equalised = Clahe.apply(PixelData.gray(size, size, 16, samples), TILES, TILES, CLIP_LIMIT).bandAsInts(0);
        float[] out = new float[input.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = equalised[i] / (float) FULL_SCALE;
        }
        return out;
    }
}
