package org.lunglens.imaging;

/**
 * Size limits checked from the file header before any pixel is decoded, so a hostile or
 * mistaken file cannot exhaust memory.
 */
public record ImageLimits(int maxSide, long maxPixels, long maxFileBytes) {
    /** 16,384 px a side, 200 megapixels, 2 GB on disk. */
    public static final ImageLimits DEFAULT = new ImageLimits(16_384, 200_000_000L, 2L << 30);
}
