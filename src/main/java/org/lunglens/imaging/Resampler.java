package org.lunglens.imaging;

/**
 * Resizes a single-channel float plane. Shrinking averages the source area each target pixel covers
 * (no aliasing, whatever the factor); enlarging interpolates bilinearly. Deterministic and pure Java,
 * so training and inference give bit-identical inputs on every machine.
 */
public final class Resampler {
    private Resampler() {
    }

    public static float[] resize(float[] src, int srcW, int srcH, int dstW, int dstH) {
        if (srcW == dstW && srcH == dstH) {
            return src.clone();
        }
        float[] horizontal = resizeAxis(src, srcW, srcH, dstW, true);
        return resizeAxis(horizontal, dstW, srcH, dstH, false);
    }

    /** Resizes along one axis; separable, so two passes give the 2-D result. */
    private static float[] resizeAxis(float[] src, int w, int h, int newLen, boolean alongX) {
        int oldLen = alongX ? w : h;
        int outW = alongX ? newLen : w;
        int outH = alongX ? h : newLen;
        float[] out = new float[outW * outH];
        if (newLen == oldLen) {
            return src.clone();
        }
        int lines = alongX ? h : w;
        double scale = (double) oldLen / newLen;
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < newLen; i++) {
                double value = newLen < oldLen ? areaAverage(src, w, line, i, scale, oldLen, alongX)
                        : bilinear(src, w, line, i, scale, oldLen, alongX);
                int idx = alongX ? line * outW + i : i * outW + line;
                out[idx] = (float) value;
            }
        }
        return out;
    }

    private static double areaAverage(float[] src, int w, int line, int i, double scale, int oldLen, boolean alongX) {
        double start = i * scale;
        double end = Math.min(oldLen, start + scale);
        double sum = 0;
        for (int s = (int) Math.floor(start); s < end; s++) {
            double weight = Math.min(end, s + 1) - Math.max(start, s);
            sum += weight * at(src, w, line, s, alongX);
        }
        return sum / (end - start);
    }

    private static double bilinear(float[] src, int w, int line, int i, double scale, int oldLen, boolean alongX) {
        double pos = (i + 0.5) * scale - 0.5;
        int s0 = (int) Math.floor(pos);
        double t = pos - s0;
        int a = Math.max(0, Math.min(oldLen - 1, s0));
        int b = Math.max(0, Math.min(oldLen - 1, s0 + 1));
        return (1 - t) * at(src, w, line, a, alongX) + t * at(src, w, line, b, alongX);
    }

    private static float at(float[] src, int w, int line, int pos, boolean alongX) {
        return alongX ? src[line * w + pos] : src[pos * w + line];
    }
}
