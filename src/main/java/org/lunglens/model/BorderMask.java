package org.lunglens.model;

/**
 * Hides a band along the four sides of a square model input: side markers, text, dates and collimation edges sit
 * there on most films, and a network can learn the hospital from them instead of the lungs (docs/MODELS.md).
 */
final class BorderMask {
    private BorderMask() {
    }

    /** Whether pixel (x, y) of a {@code size} square lies in the band {@code border} pixels wide. */
    static boolean inBand(int x, int y, int size, int border) {
        return x < border || y < border || x >= size - border || y >= size - border;
    }

    /** A copy of the row-major {@code size*size} input with the band set to 0; the input itself when none. */
    static float[] apply(float[] input, int size, int border) {
        if (border <= 0) {
            return input;
        }
        float[] out = input.clone();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (inBand(x, y, size, border)) {
                    out[y * size + x] = 0f;
                }
            }
        }
        return out;
    }
}
