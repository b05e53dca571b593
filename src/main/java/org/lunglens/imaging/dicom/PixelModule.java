package org.lunglens.imaging.dicom;

import java.nio.file.Path;
import java.util.Locale;
import org.lunglens.imaging.ImageLoadException;

/**
 * The image pixel module: how the pixel data is laid out. Missing optional attributes take the standard's
 * defaults; impossible combinations are refused here, before a byte is decoded.
 */
public record PixelModule(int rows, int columns, int samples, int bitsAllocated, int bitsStored, int highBit,
        boolean signed, String photometric, int planar, int frames) {

    public static PixelModule of(Path file, DicomDataset ds) throws ImageLoadException {
        int rows = ds.integer(0x00280010, -1);
        int columns = ds.integer(0x00280011, -1);
        if (rows < 0 || columns < 0 || !ds.get(DicomParser.PIXEL_DATA).isPresent()) {
            String kind = ds.get(0x7FE00008).isPresent() || ds.get(0x7FE00009).isPresent()
                    ? "floating-point pixel data (a parametric map), which LungLens does not show"
                    : "no image (no pixel data, or no rows and columns: a report, a presentation state or a"
                    + " directory)";
            throw new ImageLoadException(file + ": the DICOM file holds " + kind);
        }
        int samples = ds.integer(0x00280002, 1);
        int allocated = ds.integer(0x00280100, 16);
        int stored = ds.integer(0x00280101, allocated);
        int high = ds.integer(0x00280102, stored - 1);
        String photometric = ds.text(0x00280004).toUpperCase(Locale.ROOT);
        if (photometric.isEmpty()) {
            photometric = samples == 3 ? "RGB" : "MONOCHROME2";
        }
        PixelModule m = new PixelModule(rows, columns, samples, allocated, stored, high,
                ds.integer(0x00280103, 0) == 1, photometric, ds.integer(0x00280006, 0),
                Math.max(1, ds.integer(0x00280008, 1)));
        m.check(file);
        return m;
    }

    private void check(Path file) throws ImageLoadException {
        String problem = null;
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            problem = bitsAllocated + " bits allocated per sample (LungLens reads 1, 8, 16 and 32)";
        } else if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1
                || highBit >= bitsAllocated) {
            problem = String.format(Locale.ROOT, "%d bits stored with high bit %d in %d allocated", bitsStored,
                    highBit, bitsAllocated);
        } else if (samples != 1 && samples != 3) {
            problem = samples + " samples per pixel (LungLens reads 1 and 3)";
        } else if (samples == 3 && bitsAllocated == 1) {
            problem = "1-bit colour";
        } else if ((samples == 1) != isGray() && !photometric.equals("PALETTE COLOR")) {
            problem = "photometric interpretation " + DicomParser.printable(photometric) + " with " + samples
                    + (samples == 1 ? " sample" : " samples") + " per pixel";
        }
        if (problem != null) {
            throw new ImageLoadException(file + ": unsupported DICOM pixel data (" + problem + ")");
        }
    }

    public boolean isGray() {
        return photometric.startsWith("MONOCHROME");
    }

    /** Uncompressed YBR_FULL_422: two pixels share one Cb and one Cr (Y1 Y2 Cb Cr). */
    public boolean subsampledNative() {
        return photometric.equals("YBR_FULL_422");
    }

    /** Bytes of one native frame (1-bit data packed eight pixels to a byte). */
    public long frameBytes() {
        long bits = (long) rows * columns * (subsampledNative() ? 2 : samples) * bitsAllocated;
        return (bits + 7) / 8;
    }

    /** Bytes of one sample in a decoder's output. */
    public int bytesPerSample() {
        return Math.max(1, bitsAllocated / 8);
    }

    /** "16-bit gray", "8-bit RGB" */
    public String describe() {
        return bitsStored + "-bit " + (isGray() ? "gray" : photometric.equals("PALETTE COLOR") ? "palette" : "colour");
    }
}
