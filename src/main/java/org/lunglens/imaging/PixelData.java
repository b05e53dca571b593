package org.lunglens.imaging;

import java.util.Arrays;

/**
 * Decoded samples of one image, band by band, in the image's own bit depth.
 * Samples are unsigned (0..{@link #maxValue()}); 16-bit data keeps its full range so that
 * window/level and the pixel readout can work on the real values.
 */
public final class PixelData {
    private final int width;
    private final int height;
    private final int bitDepth;
    private final short[][] bands;

    /**
     * @param bands one array of {@code width*height} unsigned samples per band (1 = gray, 3 = RGB, 4 = RGBA)
     */
    public PixelData(int width, int height, int bitDepth, short[][] bands) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Image size must be positive: " + width + "x" + height);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("Bit depth must be 8 or 16, not " + bitDepth);
        }
        if (bands.length != 1 && bands.length != 3 && bands.length != 4) {
            throw new IllegalArgumentException("Expected 1, 3 or 4 bands, not " + bands.length);
        }
        for (short[] band : bands) {
            if (band.length != width * height) {
                throw new IllegalArgumentException("Band length " + band.length + " != " + width * height);
            }
        }
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.bands = bands;
    }

    /** A one-band image from unsigned samples in {@code int}s. */
    public static PixelData gray(int width, int height, int bitDepth, int[] samples) {
        short[] band = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            band[i] = (short) samples[i];
        }
        return new PixelData(width, height, bitDepth, new short[][] {band});
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bitDepth() {
        return bitDepth;
    }

    /** Largest possible sample value: 255 for 8-bit data, 65535 for 16-bit data. */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }

    public int bandCount() {
        return bands.length;
    }

    public boolean isGray() {
        return bands.length == 1;
    }

    public boolean hasAlpha() {
        return bands.length == 4;
    }

    /** Unsigned sample of one band at (x, y). */
    public int sample(int band, int x, int y) {
        return bands[band][y * width + x] & 0xFFFF;
    }

    /** Unsigned sample of one band at a linear index {@code y*width+x}. */
    public int sample(int band, int index) {
        return bands[band][index] & 0xFFFF;
    }

    /**
     * Luminance of the pixel at a linear index, in the image's own units (ITU-R BT.601 weights,
     * as OpenCV and PIL use, so exports from common tools give the same value).
     */
    public double luminance(int index) {
        if (isGray()) {
            return sample(0, index);
        }
        return 0.299 * sample(0, index) + 0.587 * sample(1, index) + 0.114 * sample(2, index);
    }

    /** Smallest and largest sample over the colour bands (alpha excluded). */
    public int[] valueRange() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int colourBands = hasAlpha() ? 3 : bands.length;
        for (int b = 0; b < colourBands; b++) {
            for (short s : bands[b]) {
                int v = s & 0xFFFF;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        return new int[] {min, max};
    }

    /** A copy of one band's samples as unsigned ints. */
    public int[] bandAsInts(int band) {
        short[] src = bands[band];
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = src[i] & 0xFFFF;
        }
        return out;
    }

    /** True when every pixel has R == G == B (an RGB export of a grayscale film). */
    public boolean colourBandsEqual() {
        if (bands.length < 3) {
            return true;
        }
        return Arrays.equals(bands[0], bands[1]) && Arrays.equals(bands[1], bands[2]);
    }

    /** True when the alpha band is fully opaque everywhere (or there is none). */
    public boolean opaque() {
        if (!hasAlpha()) {
            return true;
        }
        short full = (short) maxValue();
        for (short s : bands[3]) {
            if (s != full) {
                return false;
            }
        }
        return true;
    }

    /** The image reduced to its first band: used when colour bands are identical. */
    public PixelData firstBandOnly() {
        return new PixelData(width, height, bitDepth, new short[][] {bands[0]});
    }

    /** RGB without its alpha band. */
    public PixelData withoutAlpha() {
        return new PixelData(width, height, bitDepth, new short[][] {bands[0], bands[1], bands[2]});
    }
}
