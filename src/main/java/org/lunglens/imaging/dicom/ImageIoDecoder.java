package org.lunglens.imaging.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.lunglens.imaging.ImageLoadException;

/**
 * JPEG (baseline, extended, lossless process 14 and SV1: TwelveMonkeys imageio-jpeg) and JPEG 2000
 * (jai-imageio-jpeg2000) frames, through the ImageIO plugins on the class path. Colour comes out as RGB.
 */
final class ImageIoDecoder {
    private ImageIoDecoder() {
    }

    static RawFrame decode(Path file, byte[] data, PixelModule m, TransferSyntax syntax) throws ImageLoadException {
        if (syntax.encoding() == TransferSyntax.Encoding.JPEG && lossyPrecision(data) > 8) {
            return twelveBit(file, data, m);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = pick(in, syntax);
            if (reader == null) {
                throw new ImageLoadException(file + ": the DICOM file's " + syntax.label() + " pixel data is not "
                        + "a stream a decoder recognises (corrupt, or a variant LungLens cannot read)");
            }
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w != m.columns() || h != m.rows()) {
                    throw DicomParser.corrupt(file, String.format(Locale.ROOT, "its compressed frame is %d x %d px;"
                            + " the header says %d x %d", w, h, m.columns(), m.rows()));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                // Photometric RGB says the stream holds RGB as it is (no colour transform), whatever a decoder would
                // guess from its markers; YBR_* says it holds YCbCr, which the decoder turns into RGB (as dcmtk does).
                boolean raw = syntax.encoding() == TransferSyntax.Encoding.JPEG && m.photometric().equals("RGB");
                Raster raster = raw ? reader.readRaster(0, null) : reader.read(0).getRaster();
                if (!warnings.isEmpty()) {
                    throw new ImageLoadException(file + ": the DICOM file's compressed pixel data is truncated or "
                            + "corrupt (" + warnings.get(0) + "); LungLens does not show a partly decoded film");
                }
                return new RawFrame(bands(raster, m), m.samples() == 3);
            } finally {
                reader.dispose();
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            // jj2000 (JPEG 2000) reports some damaged streams with Errors of its own (NotImplementedError)
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new ImageLoadException(file + ": the DICOM file's " + syntax.label() + " pixel data cannot be "
                    + "decoded (" + msg + ")", e);
        }
    }

    /** 12-bit lossy JPEG, which Java's JPEG reader refuses: our own DCT decoder. YCbCr is left to DicomPixels. */
    private static RawFrame twelveBit(Path file, byte[] data, PixelModule m) throws ImageLoadException {
        try {
            DctJpegDecoder.Result r = DctJpegDecoder.decode(data);
            if (r.width() != m.columns() || r.height() != m.rows() || r.bands().length != m.samples()) {
                throw DicomParser.corrupt(file, String.format(Locale.ROOT, "its compressed frame is %d x %d px with %d"
                        + " components; the header says %d x %d with %d", r.width(), r.height(), r.bands().length,
                        m.columns(), m.rows(), m.samples()));
            }
            long mask = (1L << m.bitsStored()) - 1;
            for (int[] band : r.bands()) {
                for (int i = 0; i < band.length; i++) {
                    band[i] = (int) (band[i] & mask);
                }
            }
            return new RawFrame(r.bands(), m.photometric().equals("RGB"));
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file + ": the DICOM file's 12-bit lossy JPEG pixel data cannot be decoded ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The sample precision of a DCT (lossy) JPEG's frame header, or 0 for lossless JPEG and other streams. */
    static int lossyPrecision(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; ) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return 0;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                return jpeg[i + 4] & 0xFF;
            }
            if (marker == 0xC3 || marker == 0xDA || marker == 0xD9) {
                return 0;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return 0;
    }

    /** TwelveMonkeys' JPEG reader before the JDK's: only it reads lossless JPEG. */
    private static ImageReader pick(ImageInputStream in, TransferSyntax syntax) {
        Iterator<ImageReader> readers = syntax.encoding() == TransferSyntax.Encoding.JPEG_2000
                ? ImageIO.getImageReadersByFormatName("jpeg2000") : ImageIO.getImageReaders(in);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (chosen == null || r.getClass().getName().startsWith("com.twelvemonkeys")) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = r;
            } else {
                r.dispose();
            }
        }
        return chosen;
    }

    private static int[][] bands(Raster raster, PixelModule m) throws IOException {
        if (raster.getNumBands() < m.samples()) {
            throw new IOException("the decoder gave " + raster.getNumBands() + " bands for " + m.samples()
                    + " samples per pixel");
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        // A compressed stream holds the stored bits from bit 0: the high bit places nothing here.
        long mask = (1L << m.bitsStored()) - 1;
        int[][] out = new int[m.samples()][w * h];
        int[] row = new int[w];
        for (int b = 0; b < m.samples(); b++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    out[b][y * w + x] = (int) (row[x] & mask);
                }
            }
        }
        return out;
    }
}
