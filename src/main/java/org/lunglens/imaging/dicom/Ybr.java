package org.lunglens.imaging.dicom;

/** YBR_FULL (full-range YCbCr, as JPEG's JFIF) to RGB, in place. */
final class Ybr {
    private Ybr() {
    }

    static void toRgb(short[][] bands, int max) {
        double half = (max + 1) / 2.0;
        for (int i = 0; i < bands[0].length; i++) {
            double y = bands[0][i] & 0xFFFF;
            double cb = (bands[1][i] & 0xFFFF) - half;
            double cr = (bands[2][i] & 0xFFFF) - half;
            bands[0][i] = clamp(y + 1.402 * cr, max);
            bands[1][i] = clamp(y - 0.344136 * cb - 0.714136 * cr, max);
            bands[2][i] = clamp(y + 1.772 * cb, max);
        }
    }

    private static short clamp(double v, int max) {
        return (short) Math.max(0, Math.min(max, Math.round(v)));
    }
}
