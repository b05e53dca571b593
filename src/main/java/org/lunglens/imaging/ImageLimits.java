package org.lunglens.imaging;

/**
 * Size limits checked from the file header before any pixel is decoded, so a hostile or
 * mistaken file cannot exhaust memory.
 *
 * @param maxDecodedBytes the memory one image may take while it is decoded (the decoder's raster plus our 16-bit
 *                        copy, see {@link ImageHeader#decodedBytes()})
 */
public record ImageLimits(int maxSide, long maxPixels, long maxFileBytes, long maxDecodedBytes) {
    /**
     * 512 MB while decoding: a 16-bit gray film of 8,192 x 8,192 px (256 MB) or an 8-bit RGB one of about
     * 11,500 x 11,500 fits, with room to spare over the largest detectors (43 x 43 cm at 100 um: 4,300 px a side);
     * a 14,000 x 14,000 16-bit RGBA PNG (3 GB) or a 16,000 x 12,000 RGB JPEG (1.7 GB) does not.
     */
    public static final long DEFAULT_DECODED_BYTES = 512L << 20;

    /** 16,384 px a side, 200 megapixels, 2 GB on disk, 512 MB while decoding. */
    public static final ImageLimits DEFAULT = new ImageLimits(16_384, 200_000_000L, 2L << 30, DEFAULT_DECODED_BYTES);

    /** Limits with the default decoding budget. */
    public ImageLimits(int maxSide, long maxPixels, long maxFileBytes) {
        this(maxSide, maxPixels, maxFileBytes, DEFAULT_DECODED_BYTES);
    }
}
