package org.lunglens.imaging;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads uncompressed DICOM through ImageJ, keeping stored values and the tags a reader wants to see.
 * MONOCHROME1 images (where a high value is dark) are inverted so that all images display alike.
 */
final class DicomReader {
    private static final Map<String, String> SHOWN_TAGS = tagsShown();

    private DicomReader() {
    }

    /** DICOM Part 10 files carry "DICM" after a 128-byte preamble. */
    static boolean looksLikeDicom(byte[] head) {
        return head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }

    @SuppressWarnings("try") // the lease is held, not read: it reserves the decode's memory until the try ends
    static LoadedImage read(Path file, ImageLimits limits) throws ImageLoadException {
        ImageHeader header = DicomHeader.read(file);
        if (header != null) {
            header.check(file, limits);
        }
        DICOM dicom = new DICOM();
        try (DecodeMemory.Lease lease = DecodeMemory.reserve(header == null ? 0 : header.decodedBytes())) {
            dicom.open(file.toString());
        } catch (RuntimeException e) {
            throw new ImageLoadException(file + ": the DICOM file is corrupt (" + e.getMessage() + ")", e);
        } catch (OutOfMemoryError e) {
            throw ImageLoader.outOfMemory(file, header == null ? 0 : header.width(),
                    header == null ? 0 : header.height());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageLoadException(file + ": loading was cancelled", e);
        }
        if (dicom.getWidth() == 0 || dicom.getProcessor() == null) {
            // ImageJ reports neither cause: a header it cannot parse and a compressed pixel format look alike.
            throw new ImageLoadException(file + ": the DICOM file could not be decoded (it is corrupt, or "
                    + "compressed: compressed transfer syntaxes are not supported; export it uncompressed)");
        }
        new ImageLoader(limits).checkSize(file, dicom.getWidth(), dicom.getHeight());
        checkComplete(file, dicom.getOriginalFileInfo());
        Map<String, String> tags = parseTags(dicom);
        PixelData pixels = toPixels(file, dicom);
        String photometric = tags.getOrDefault("Photometric interpretation", "MONOCHROME2");
        String colourModel = "grayscale, " + photometric;
        if (photometric.equals("MONOCHROME1")) {
            pixels = invert(pixels);
            colourModel += " (inverted for display)";
        }
        return new LoadedImage(file, "DICOM", colourModel, pixels, tags);
    }

    /** ImageJ pads missing pixel data with zeros without a word; a cut-off file must not pass as an image. */
    private static void checkComplete(Path file, FileInfo info) throws ImageLoadException {
        if (info == null) {
            return;
        }
        long needed = info.getOffset() + (long) info.width * info.height * info.getBytesPerPixel() * info.nImages;
        try {
            long size = Files.size(file);
            if (size < needed) {
                throw new ImageLoadException(String.format(Locale.ROOT,
                        "%s: the DICOM file is truncated (%,d bytes; its header promises %,d)", file, size, needed));
            }
        } catch (IOException e) {
            throw new ImageLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static PixelData toPixels(Path file, ImagePlus imp) throws ImageLoadException {
        ImageProcessor ip = imp.getProcessor();
        int w = ip.getWidth();
        int h = ip.getHeight();
        Object raw = ip.getPixels();
        short[] band = new short[w * h];
        int depth;
        if (raw instanceof byte[] bytes) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (short) (bytes[i] & 0xFF);
            }
            depth = 8;
        } else if (raw instanceof short[] shorts) {
            System.arraycopy(shorts, 0, band, 0, band.length);
            depth = 16;
        } else {
            throw new ImageLoadException(file + ": unsupported DICOM pixel data (" + imp.getBitDepth()
                    + "-bit " + (imp.getBitDepth() == 24 ? "colour" : "float") + ")");
        }
        return new PixelData(w, h, depth, new short[][] {band});
    }

    private static PixelData invert(PixelData p) {
        int[] range = p.valueRange();
        int[] values = p.bandAsInts(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = range[1] - (values[i] - range[0]);
        }
        return PixelData.gray(p.width(), p.height(), p.bitDepth(), values);
    }

    private static Map<String, String> parseTags(ImagePlus imp) {
        Map<String, String> tags = new LinkedHashMap<>();
        String info = imp.getInfoProperty();
        if (info == null) {
            return tags;
        }
        for (String line : info.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.length() < 9) {
                continue;
            }
            String name = SHOWN_TAGS.get(trimmed.substring(0, 9));
            int colon = trimmed.indexOf(':', 9);
            if (name != null && colon > 0) {
                tags.put(name, trimmed.substring(colon + 1).strip());
            }
        }
        return tags;
    }

    private static Map<String, String> tagsShown() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0010,0020", "Patient ID");
        m.put("0010,0010", "Patient name");
        m.put("0008,0060", "Modality");
        m.put("0008,0020", "Study date");
        m.put("0018,0015", "Body part");
        m.put("0028,0004", "Photometric interpretation");
        m.put("0028,0101", "Bits stored");
        return m;
    }
}
