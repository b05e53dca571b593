package org.lunglens.imaging;

/**
 * Contrast-limited adaptive histogram equalisation (Zuiderveld, Graphics Gems IV, 1994). Each tile's
 * histogram is clipped at {@code clipLimit} times the mean bin count, the excess spread over all bins,
 * and its cumulative sum becomes the tile's mapping; pixels blend the mappings of the four nearest tile
 * centres so no tile edge shows. One tile with no clip limit is plain histogram equalisation.
 */
public final class Clahe {
    private static final int BINS = 256;

    private Clahe() {
    }

    /** Global histogram equalisation of a one-band image. */
    public static PixelData equalize(PixelData gray) {
        return apply(gray, 1, 1, Double.POSITIVE_INFINITY);
    }

    /**
     * @param gray      one-band image
     * @param tilesX    tiles across (at most the width)
     * @param tilesY    tiles down (at most the height)
     * @param clipLimit multiple of the mean bin count at which a tile's histogram is clipped (above 1)
     * @return a one-band image of the same size and bit depth, spanning 0..maxValue
     */
    public static PixelData apply(PixelData gray, int tilesX, int tilesY, double clipLimit) {
        int w = gray.width();
        int h = gray.height();
        int[] v = gray.bandAsInts(0);
        int[] range = gray.valueRange();
        int maxOut = gray.maxValue();
        if (range[0] == range[1]) {
            return PixelData.gray(w, h, gray.bitDepth(), v);
        }
        int[] bin = new int[v.length];
        double toBin = (BINS - 1.0) / (range[1] - range[0]);
        for (int i = 0; i < v.length; i++) {
            bin[i] = (int) Math.round((v[i] - range[0]) * toBin);
        }
        int tx = Math.max(1, Math.min(tilesX, w));
        int ty = Math.max(1, Math.min(tilesY, h));
        double[][] maps = new double[tx * ty][];
        for (int j = 0; j < ty; j++) {
            for (int i = 0; i < tx; i++) {
                maps[j * tx + i] = tileMapping(bin, w, i * w / tx, (i + 1) * w / tx, j * h / ty, (j + 1) * h / ty,
                        clipLimit, maxOut);
            }
        }
        int[] out = new int[v.length];
        double tileW = (double) w / tx;
        double tileH = (double) h / ty;
        for (int y = 0; y < h; y++) {
            double gy = (y + 0.5) / tileH - 0.5;
            int y0 = clamp((int) Math.floor(gy), ty);
            int y1 = clamp((int) Math.floor(gy) + 1, ty);
            double ay = Math.max(0, Math.min(1, gy - Math.floor(gy)));
            for (int x = 0; x < w; x++) {
                double gx = (x + 0.5) / tileW - 0.5;
                int x0 = clamp((int) Math.floor(gx), tx);
                int x1 = clamp((int) Math.floor(gx) + 1, tx);
                double ax = Math.max(0, Math.min(1, gx - Math.floor(gx)));
                int b = bin[y * w + x];
                double top = (1 - ax) * maps[y0 * tx + x0][b] + ax * maps[y0 * tx + x1][b];
                double bottom = (1 - ax) * maps[y1 * tx + x0][b] + ax * maps[y1 * tx + x1][b];
                out[y * w + x] = (int) Math.round((1 - ay) * top + ay * bottom);
            }
        }
        return PixelData.gray(w, h, gray.bitDepth(), out);
    }

    private static int clamp(int t, int tiles) {
        return Math.max(0, Math.min(tiles - 1, t));
    }

    private static double[] tileMapping(int[] bin, int w, int x0, int x1, int y0, int y1, double clipLimit,
            int maxOut) {
        double[] hist = new double[BINS];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                hist[bin[y * w + x]]++;
            }
        }
        int n = (x1 - x0) * (y1 - y0);
        if (Double.isFinite(clipLimit)) {
            double limit = Math.max(1, clipLimit * n / BINS);
            double excess = 0;
            for (int b = 0; b < BINS; b++) {
                if (hist[b] > limit) {
                    excess += hist[b] - limit;
                    hist[b] = limit;
                }
            }
            double share = excess / BINS;
            for (int b = 0; b < BINS; b++) {
                hist[b] += share;
            }
        }
        double[] map = new double[BINS];
        double cdf = 0;
        for (int b = 0; b < BINS; b++) {
            cdf += hist[b];
            map[b] = cdf * maxOut / n;
        }
        return map;
    }
}
