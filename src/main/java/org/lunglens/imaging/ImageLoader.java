package org.lunglens.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens PNG, JPEG and BMP files (and DICOM through {@link DicomReader}) into {@link LoadedImage}s.
 * The one entry point for images in the app and the CLI alike. Every failure becomes an
 * {@link ImageLoadException} whose message names the file and the problem.
 */
public final class ImageLoader {
    private static final Set<String> SUPPORTED = Set.of("png", "jpeg", "bmp");

    private final ImageLimits limits;

    public ImageLoader() {
        this(ImageLimits.DEFAULT);
    }

    public ImageLoader(ImageLimits limits) {
        this.limits = limits;
    }

    public LoadedImage load(Path file) throws ImageLoadException {
        checkFile(file);
        byte[] head = readHead(file);
        if (DicomReader.looksLikeDicom(head)) {
            return DicomReader.read(file, limits);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageLoadException(file + ": cannot be read");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageLoadException(describeUnknown(file, head));
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                format = switch (format) {
                    case "jpg" -> "jpeg";
                    case "tif" -> "tiff";
                    default -> format;
                };
                if (!SUPPORTED.contains(format)) {
                    throw new ImageLoadException(file + ": unsupported format " + format.toUpperCase(Locale.ROOT)
                            + " (LungLens opens PNG, JPEG, BMP and DICOM)");
                }
                reader.setInput(in, true, true);
                ImageHeader header = ImageHeader.of(file, reader, head, limits);
                header.check(file, limits);
                return decode(file, format, reader, header);
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report truncation and corruption with IIOException, EOFException or
            // runtime exceptions from deep inside; all mean the same thing to a user.
            throw new ImageLoadException(file + ": the image data is corrupt or truncated ("
                    + firstLine(e) + ")", e);
        }
    }

    /**
     * Decodes within the process-wide memory pool. JPEG decoders fill a cut-off file with gray and only warn: a
     * warning refuses the film, which would otherwise be classified as if whole.
     */
    @SuppressWarnings("try") // the lease is held, not read: it reserves the decode's memory until the try ends
    private static LoadedImage decode(Path file, String format, ImageReader reader, ImageHeader header)
            throws IOException, ImageLoadException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (DecodeMemory.Lease lease = DecodeMemory.reserve(header.decodedBytes())) {
            BufferedImage image = reader.read(0);
            if (format.equals("jpeg") && !warnings.isEmpty()) {
                throw new ImageLoadException(file + ": the JPEG data is truncated or corrupt (" + warnings.get(0)
                        + "); LungLens does not show or classify a partly decoded film");
            }
            return toLoadedImage(file, format.toUpperCase(Locale.ROOT), image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageLoadException(file + ": loading was cancelled", e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file, header.width(), header.height());
        }
    }

    /** Within the limits but more than this JVM has free now: the batch goes on without this file. */
    static ImageLoadException outOfMemory(Path file, int width, int height) {
        return new ImageLoadException(String.format(Locale.ROOT, "%s: not enough memory to open this image "
                + "(%d x %d px; %,d MB free for LungLens). Close other films or give Java more memory (-Xmx).",
                file, width, height, Runtime.getRuntime().maxMemory() >> 20));
    }

    /** Refuses a size beyond the limits; DICOM uses it too. */
    void checkSize(Path file, int width, int height) throws ImageLoadException {
        checkSize(file, width, height, limits);
    }

    static void checkSize(Path file, int width, int height, ImageLimits limits) throws ImageLoadException {
        if (width > limits.maxSide() || height > limits.maxSide()
                || (long) width * height > limits.maxPixels()) {
            throw new ImageLoadException(String.format(Locale.ROOT,
                    "%s: image too large (%d x %d px; the limit is %,d px a side and %s)",
                    file, width, height, limits.maxSide(), pixelCount(limits.maxPixels())));
        }
    }

    /** "200 megapixels" for whole millions; the exact count otherwise, never a rounded-down "0 megapixels". */
    private static String pixelCount(long pixels) {
        return pixels % 1_000_000 == 0
                ? String.format(Locale.ROOT, "%,d megapixels", pixels / 1_000_000)
                : String.format(Locale.ROOT, "%,d pixels", pixels);
    }

    private void checkFile(Path file) throws ImageLoadException {
        if (!Files.exists(file)) {
            throw new ImageLoadException(file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ImageLoadException(file + ": is a directory, not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new ImageLoadException(file + ": permission denied (file not readable)");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ImageLoadException(file + ": the file is empty (0 bytes)");
            }
            if (size > limits.maxFileBytes()) {
                throw new ImageLoadException(file + ": file too large (" + size / (1 << 20) + " MB)");
            }
        } catch (IOException e) {
            throw new ImageLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readHead(Path file) throws ImageLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(132);
        } catch (IOException e) {
            throw new ImageLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String describeUnknown(Path file, byte[] head) {
        String kind = FileSignatures.identify(head);
        if (kind != null) {
            return file + ": unsupported format " + kind + " (LungLens opens PNG, JPEG, BMP and DICOM)";
        }
        return file + ": not an image (its content is not PNG, JPEG, BMP or DICOM, whatever its name says)";
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    /** Converts a decoded image, keeping 16-bit samples and recognising gray stored as RGB. */
    static LoadedImage toLoadedImage(Path file, String format, BufferedImage image) throws ImageLoadException {
        String colourModel;
        PixelData pixels;
        if (image.getColorModel() instanceof IndexColorModel icm) {
            pixels = expandPalette(image, icm);
            colourModel = "palette";
        } else {
            pixels = fromRaster(file, image.getRaster());
            colourModel = switch (image.getRaster().getNumBands()) {
                case 1, 2 -> "grayscale";
                case 3 -> "RGB";
                default -> "RGBA";
            };
        }
        if (pixels.hasAlpha() && pixels.opaque()) {
            pixels = pixels.withoutAlpha();
        }
        if (!pixels.isGray() && !pixels.hasAlpha() && pixels.colourBandsEqual()) {
            pixels = pixels.firstBandOnly();
            colourModel += " (R=G=B, read as grayscale)";
        }
        return new LoadedImage(file, format, colourModel, pixels, Map.of());
    }

    private static PixelData fromRaster(Path file, Raster raster) throws ImageLoadException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bandCount = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (bits > 16) {
            throw new ImageLoadException(file + ": unsupported sample depth (" + bits + " bits)");
        }
        int depth = bits > 8 ? 16 : 8;
        int srcMax = (1 << bits) - 1;
        // Gray+alpha keeps only gray: transparency carries no diagnostic meaning in a radiograph.
        int keep = bandCount == 2 ? 1 : Math.min(bandCount, 4);
        short[][] bands = new short[keep][];
        // One row at a time: a whole-image int buffer would double the peak memory of a large film.
        int[] row = new int[w];
        for (int b = 0; b < keep; b++) {
            short[] band = new short[w * h];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    // Sub-byte depths (1, 2, 4 bit) are stretched to 8 bits so that 1 means white.
                    band[y * w + x] = (short) (bits < 8 ? row[x] * 255 / srcMax : row[x]);
                }
            }
            bands[b] = band;
        }
        return new PixelData(w, h, depth, bands);
    }

    private static PixelData expandPalette(BufferedImage image, IndexColorModel icm) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = icm.hasAlpha();
        short[][] bands = new short[alpha ? 4 : 3][w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                bands[0][i] = (short) icm.getRed(row[x]);
                bands[1][i] = (short) icm.getGreen(row[x]);
                bands[2][i] = (short) icm.getBlue(row[x]);
                if (alpha) {
                    bands[3][i] = (short) icm.getAlpha(row[x]);
                }
            }
        }
        return new PixelData(w, h, 8, bands);
    }
}
