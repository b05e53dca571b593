package org.lunglens.imaging;

/** Spatial filters on one-band images, in the image's own bit depth. */
public final class Filters {
    /** Gradient strength shown as white: robust to a few extreme edges (burned-in text, wires). */
    private static final double EDGE_WHITE_PERCENTILE = 99.5;

    private Filters() {
    }

    /**
     * Unsharp mask: {@code v + amount * (v - blur(v))}, clipped to the bit depth. The blur is three box
     * passes (close to a Gaussian of the given sigma) so the cost does not grow with the radius.
     */
    public static PixelData unsharpMask(PixelData gray, double sigma, double amount) {
        int w = gray.width();
        int h = gray.height();
        int[] v = gray.bandAsInts(0);
        float[] blurred = blur(toFloat(v), w, h, sigma);
        int max = gray.maxValue();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            long s = Math.round(v[i] + amount * (v[i] - blurred[i]));
            out[i] = (int) Math.max(0, Math.min(max, s));
        }
        return PixelData.gray(w, h, gray.bitDepth(), out);
    }

    /** Sobel gradient magnitude, scaled so the 99.5th percentile of magnitudes is full white. */
    public static PixelData sobelMagnitude(PixelData gray) {
        int w = gray.width();
        int h = gray.height();
        int[] v = gray.bandAsInts(0);
        float[] mag = new float[v.length];
        for (int y = 0; y < h; y++) {
            int ym = Math.max(0, y - 1) * w;
            int yc = y * w;
            int yp = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int xm = Math.max(0, x - 1);
                int xp = Math.min(w - 1, x + 1);
                float gx = (v[ym + xp] + 2f * v[yc + xp] + v[yp + xp]) - (v[ym + xm] + 2f * v[yc + xm] + v[yp + xm]);
                float gy = (v[yp + xm] + 2f * v[yp + x] + v[yp + xp]) - (v[ym + xm] + 2f * v[ym + x] + v[ym + xp]);
                mag[yc + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        double white = percentile(mag, EDGE_WHITE_PERCENTILE);
        int max = gray.maxValue();
        int[] out = new int[v.length];
        if (white > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (int) Math.min(max, Math.round(mag[i] / white * max));
            }
        }
        return PixelData.gray(w, h, gray.bitDepth(), out);
    }

    /** Approximate Gaussian blur: three box blurs whose combined variance is sigma squared. */
    static float[] blur(float[] src, int w, int h, double sigma) {
        // Three boxes of width 2r+1 have variance 3 * ((2r+1)^2 - 1) / 12 = r(r+1).
        int r = Math.max(1, (int) Math.round((Math.sqrt(1 + 4 * sigma * sigma) - 1) / 2));
        float[] a = src.clone();
        float[] b = new float[src.length];
        for (int pass = 0; pass < 3; pass++) {
            boxAlongX(a, b, w, h, r);
            boxAlongY(b, a, w, h, r);
        }
        return a;
    }

    private static void boxAlongX(float[] in, float[] out, int w, int h, int r) {
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[row + Math.max(0, Math.min(w - 1, k))];
            }
            for (int x = 0; x < w; x++) {
                out[row + x] = (float) (sum / (2 * r + 1));
                sum += in[row + Math.min(w - 1, x + r + 1)] - in[row + Math.max(0, x - r)];
            }
        }
    }

    private static void boxAlongY(float[] in, float[] out, int w, int h, int r) {
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[Math.max(0, Math.min(h - 1, k)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) (sum / (2 * r + 1));
                sum += in[Math.min(h - 1, y + r + 1) * w + x] - in[Math.max(0, y - r) * w + x];
            }
        }
    }

    private static float[] toFloat(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }

    private static double percentile(float[] values, double percent) {
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int idx = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * percent / 100.0) - 1);
        return sorted[Math.max(0, idx)];
    }
}
