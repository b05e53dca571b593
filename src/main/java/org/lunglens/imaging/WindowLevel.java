package org.lunglens.imaging;

import java.util.stream.IntStream;

/**
 * Maps samples in the image's own bit depth to 8-bit display values through a window, as one lookup
 * table per settings (65,536 entries for 16-bit data), and packs them as opaque ARGB in image
 * orientation. Rotation and flips are left to the view transform, so that screen and image
 * coordinates stay related by one affine map.
 */
public final class WindowLevel {
    private static final int ROWS_PER_CHUNK = 64;

    private WindowLevel() {
    }

    /** Display gray level (0..255) for every value 0..maxValue. */
    public static int[] lookupTable(DisplaySettings s, int maxValue) {
        int[] lut = new int[maxValue + 1];
        double lower = s.windowCenter() - s.windowWidth() / 2;
        double scale = 255.0 / s.windowWidth();
        for (int v = 0; v <= maxValue; v++) {
            int g = (int) Math.round((v - lower) * scale);
            g = Math.max(0, Math.min(255, g));
            lut[v] = s.invert() ? 255 - g : g;
        }
        return lut;
    }

    /** Display gray level (0..255) of one value. */
    public static int displayValue(double value, DisplaySettings s) {
        double lower = s.windowCenter() - s.windowWidth() / 2;
        int g = (int) Math.round((value - lower) * 255.0 / s.windowWidth());
        g = Math.max(0, Math.min(255, g));
        return s.invert() ? 255 - g : g;
    }

    /** A new ARGB array of the image (colour bands windowed alike; alpha ignored). */
    public static int[] toArgb(PixelData p, DisplaySettings s) {
        int[] out = new int[p.width() * p.height()];
        toArgb(p, s, out);
        return out;
    }

    /** Fills {@code out} (length width*height) with the image as opaque ARGB; rows run in parallel. */
    public static void toArgb(PixelData p, DisplaySettings s, int[] out) {
        if (out.length != p.width() * p.height()) {
            throw new IllegalArgumentException("Output length " + out.length + " != " + p.width() * p.height());
        }
        int[] lut = lookupTable(s, p.maxValue());
        int w = p.width();
        int chunks = (p.height() + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * ROWS_PER_CHUNK * w;
            int to = Math.min(p.height(), (c + 1) * ROWS_PER_CHUNK) * w;
            fill(p, lut, out, from, to);
        });
    }

    private static void fill(PixelData p, int[] lut, int[] out, int from, int to) {
        if (p.isGray()) {
            for (int i = from; i < to; i++) {
                int g = lut[p.sample(0, i)];
                out[i] = 0xFF000000 | g << 16 | g << 8 | g;
            }
        } else {
            for (int i = from; i < to; i++) {
                out[i] = 0xFF000000 | lut[p.sample(0, i)] << 16 | lut[p.sample(1, i)] << 8 | lut[p.sample(2, i)];
            }
        }
    }
}
