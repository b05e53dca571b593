package org.lunglens.imaging;

import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * What a file's header declares, read before a single pixel is decoded: enough to refuse a memory bomb (a few
 * hundred bytes declaring 46,000 x 46,000 px) before the decoder allocates for it.
 *
 * @param bytesPerPixel the decoder's raster bytes per pixel (all bands; sub-byte depths count as one byte)
 * @param keptBands     bands LungLens keeps as 16-bit samples (palette images expand to RGB or RGBA)
 * @param frames        images decoded from the file (DICOM: the first frame only, so 1)
 */
record ImageHeader(int width, int height, int bytesPerPixel, int keptBands, int frames, String description) {

    /** Memory while decoding: the decoder's raster and our 16-bit copy, both whole. */
    long decodedBytes() {
        return (long) width * height * frames * (bytesPerPixel + 2L * keptBands);
    }

    /** Refuses sizes beyond {@code limits}: sides and pixel count first, then the decoding budget. */
    void check(Path file, ImageLimits limits) throws ImageLoadException {
        if (width <= 0 || height <= 0 || frames <= 0) {
            throw new ImageLoadException(String.format(Locale.ROOT,
                    "%s: the header declares an impossible size (%d x %d px, %d frames); the file is corrupt",
                    file, width, height, frames));
        }
        ImageLoader.checkSize(file, width, height, limits);
        if (decodedBytes() > limits.maxDecodedBytes()) {
            throw new ImageLoadException(String.format(Locale.ROOT,
                    "%s: image too large to open safely (%d x %d px%s, %s: about %,d MB while decoding; "
                            + "the limit is %,d MB). Export it with fewer pixels%s and open it again.",
                    file, width, height, frames > 1 ? " x " + frames + " frames" : "", description,
                    decodedBytes() >> 20, limits.maxDecodedBytes() >> 20,
                    bytesPerPixel > 1 || keptBands > 1 ? " or as 8-bit gray" : ""));
        }
    }

    /**
     * The header of the first image of a reader whose input is set; reads no pixel data. The sides are checked
     * against {@code limits} before the sample format is asked for, since a PNG reader reads every chunk up to the
     * pixel data to answer that.
     */
    static ImageHeader of(Path file, ImageReader reader, byte[] head, ImageLimits limits)
            throws IOException, ImageLoadException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        ImageLoader.checkSize(file, w, h, limits);
        ImageTypeSpecifier type;
        try {
            type = reader.getRawImageType(0);
            if (type == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                type = types.hasNext() ? types.next() : null;
            }
        } catch (IOException e) {
            // Metadata the reader cannot get through: the PNG header still says what a decode would take.
            type = null;
        }
        if (type == null) {
            return fromPngHead(w, h, head);
        }
        ColorModel cm = type.getColorModel();
        int bands = type.getNumBands();
        int bits = type.getBitsPerBand(0);
        int bytesPerPixel = Math.max(1, bands * Math.max(8, bits) / 8);
        if (cm instanceof IndexColorModel icm) {
            return new ImageHeader(w, h, bytesPerPixel, icm.hasAlpha() ? 4 : 3, 1, bits + "-bit palette");
        }
        int kept = bands == 2 ? 1 : Math.min(bands, 4);
        String kind = switch (bands) {
            case 1, 2 -> "gray";
            case 3 -> "RGB";
            default -> "RGBA";
        };
        return new ImageHeader(w, h, bytesPerPixel, kept, 1, bits + "-bit " + kind);
    }

    /** From the IHDR bytes (bit depth at 24, colour type at 25); else the worst case we keep, 16-bit RGBA. */
    private static ImageHeader fromPngHead(int w, int h, byte[] head) {
        if (head.length < 26 || head[1] != 'P' || head[2] != 'N' || head[3] != 'G') {
            return new ImageHeader(w, h, 8, 4, 1, "unknown sample format");
        }
        int bits = head[24];
        int bytes = bits == 16 ? 2 : 1;
        return switch (head[25]) {
            case 0 -> new ImageHeader(w, h, bytes, 1, 1, bits + "-bit gray");
            case 2 -> new ImageHeader(w, h, 3 * bytes, 3, 1, bits + "-bit RGB");
            case 3 -> new ImageHeader(w, h, 1, 4, 1, bits + "-bit palette");
            case 4 -> new ImageHeader(w, h, 2 * bytes, 1, 1, bits + "-bit gray");
            default -> new ImageHeader(w, h, 4 * bytes, 4, 1, bits + "-bit RGBA");
        };
    }
}
