package org.lunglens.imaging;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lunglens.imaging.dicom.DicomDataset;
import org.lunglens.imaging.dicom.DicomImages;
import org.lunglens.imaging.dicom.DicomParser;
import org.lunglens.imaging.dicom.ParsedDicom;
import org.lunglens.imaging.dicom.PixelModule;

/**
 * Reads DICOM by our own parser and decoders ({@code org.lunglens.imaging.dicom}): the header first, then the
 * size and memory checks, then the first frame. MONOCHROME1 images (where a high value is dark) are inverted so
 * that all images display alike.
 */
final class DicomReader {
    private static final Map<Integer, String> SHOWN_TAGS = Map.of(0x00100020, "Patient ID", 0x00100010,
            "Patient name", 0x00080060, "Modality", 0x00080020, "Study date", 0x00180015, "Body part", 0x00280004,
            "Photometric interpretation", 0x00280101, "Bits stored", 0x00020010, "Transfer syntax");
    private static final int[] SHOWN_ORDER = {0x00100020, 0x00100010, 0x00080060, 0x00080020, 0x00180015,
        0x00280004, 0x00280101, 0x00020010};

    private DicomReader() {
    }

    /** DICOM Part 10 files carry "DICM" after a 128-byte preamble. */
    static boolean looksLikeDicom(byte[] head) {
        return head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }

    @SuppressWarnings("try") // the lease is held, not read: it reserves the decode's memory until the try ends
    static LoadedImage read(Path file, ImageLimits limits) throws ImageLoadException {
        try {
            ParsedDicom parsed = DicomParser.parse(file, limits.maxDecodedBytes());
            PixelModule m = PixelModule.of(file, parsed.dataset());
            // Decoders hand over one int per sample; LungLens keeps 16 bits a band (palettes expand to RGB).
            ImageHeader header = new ImageHeader(m.columns(), m.rows(), 4 * m.samples(), m.isGray() ? 1 : 3, 1,
                    m.describe() + (m.frames() > 1 ? ", first of " + m.frames() + " frames" : ""));
            header.check(file, limits);
            try (DecodeMemory.Lease lease = DecodeMemory.reserve(header.decodedBytes())) {
                DicomImages.Decoded d = DicomImages.decodeFirstFrame(file, parsed, m);
                return new LoadedImage(file, "DICOM", d.colourModel(), d.pixels(), tags(parsed), d.info());
            } catch (OutOfMemoryError e) {
                throw ImageLoader.outOfMemory(file, m.columns(), m.rows());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageLoadException(file + ": loading was cancelled", e);
        } catch (RuntimeException e) {
            // Our own decoders on damaged input: never a stack trace for the user.
            throw new ImageLoadException(file + ": the DICOM file is corrupt (" + e + ")", e);
        }
    }

    private static Map<String, String> tags(ParsedDicom parsed) {
        DicomDataset ds = parsed.dataset();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int tag : SHOWN_ORDER) {
            ds.get(tag).ifPresent(e -> tags.put(SHOWN_TAGS.get(tag),
                    tag == 0x00020010 && parsed.syntax() != null ? parsed.syntax().label() : e.display(200)));
        }
        return tags;
    }
}
