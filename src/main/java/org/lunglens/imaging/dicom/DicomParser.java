package org.lunglens.imaging.dicom;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lunglens.imaging.ImageLoadException;

/**
 * Reads a DICOM Part 10 file's data set, strictly: every element must fit in the file, carry a known value
 * representation and hold at most 64 MB, so a damaged length field is refused before anything is allocated for it
 * (ImageJ, which read DICOM before, allocated 1.6 GB for one fuzzed length byte). Sequences are read into items; the
 * pixel data is located, not read. The file is mapped: only the pages read are touched.
 */
public final class DicomParser {
    static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final Set<String> SHORT_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS",
            "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US");
    private static final int MAX_ELEMENTS = 100_000;
    private static final int MAX_DEPTH = 16;
    /** No header value of a film needs more; a larger one is damage (or an attack) either way. */
    private static final long MAX_VALUE_BYTES = 64L << 20;
    /** Longer values (overlays, private blobs) are skipped, with their length kept for the tag browser. */
    private static final int KEPT_VALUE_BYTES = 1 << 20;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final Path file;
    private ByteBuffer buf;
    private boolean explicit = true;
    private Charset charset = StandardCharsets.ISO_8859_1;
    private int count;
    private EncodedPixels pixels;

    private DicomParser(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf;
    }

    /**
     * @param maxInflatedBytes the most a deflated data set may inflate to (a small file can inflate to gigabytes)
     */
    public static ParsedDicom parse(Path file, long maxInflatedBytes) throws ImageLoadException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), Integer.MAX_VALUE));
            return new DicomParser(file, buf.order(ByteOrder.LITTLE_ENDIAN)).run(maxInflatedBytes);
        } catch (IOException e) {
            throw new ImageLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw corrupt(file, "an element runs past the end of the file");
        }
    }

    private ParsedDicom run(long maxInflatedBytes) throws ImageLoadException {
        buf.position(132);
        DicomDataset dataset = new DicomDataset();
        while (buf.remaining() >= 8 && (buf.getShort(buf.position()) & 0xFFFF) == 0x0002) {
            readElement(dataset, 0);
        }
        String uid = dataset.text(0x00020010);
        TransferSyntax syntax = TransferSyntax.of(uid);
        if (uid.isEmpty()) {
            syntax = looksExplicit() ? TransferSyntax.EXPLICIT_LITTLE : TransferSyntax.IMPLICIT_LITTLE;
        }
        // Syntaxes we do not know are encapsulated ones (video, HTJ2K...): all explicit VR little endian.
        explicit = syntax == null || syntax.explicitVr();
        if (syntax == TransferSyntax.DEFLATED) {
            buf = Inflate.rest(file, buf, maxInflatedBytes);
        }
        if (syntax != null && syntax.bigEndian()) {
            buf.order(ByteOrder.BIG_ENDIAN);
        }
        readInto(dataset, UNDEFINED, 0);
        return new ParsedDicom(dataset, uid, syntax, pixels);
    }

    /** A data set without a transfer syntax: explicit when the bytes after the first tag read as a VR. */
    private boolean looksExplicit() {
        int at = buf.position() + 4;
        return buf.limit() >= at + 2 && Character.isUpperCase(buf.get(at)) && Character.isUpperCase(buf.get(at + 1));
    }

    /** Elements up to {@code end} (or the end of the file, or an item delimiter when it is undefined). */
    private void readInto(DicomDataset dataset, long end, int depth) throws ImageLoadException {
        while (end == UNDEFINED ? buf.remaining() >= 8 : buf.position() < end) {
            int start = buf.position();
            int tag = (buf.getShort(start) & 0xFFFF) << 16 | buf.getShort(start + 2) & 0xFFFF;
            if (tag == ITEM_END) {
                buf.position(start + 8);
                return;
            }
            if (tag == SEQUENCE_END) {
                return;
            }
            if (!readElement(dataset, depth)) {
                return;
            }
        }
    }

    /** Reads one element into {@code dataset}; false after the pixel data, which ends the walk. */
    private boolean readElement(DicomDataset dataset, int depth) throws ImageLoadException {
        if (++count > MAX_ELEMENTS) {
            throw corrupt(file, "too many header elements");
        }
        int group = buf.getShort() & 0xFFFF;
        int element = buf.getShort() & 0xFFFF;
        int tag = group << 16 | element;
        if (group == 0xFFFE) {
            throw corrupt(file, String.format(Locale.ROOT, "an item tag (FFFE,%04X) outside a sequence", element));
        }
        String vr;
        long length;
        if (explicit || group == 0x0002) {
            vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr)) {
                buf.getShort();
                length = buf.getInt() & 0xFFFFFFFFL;
            } else if (SHORT_VRS.contains(vr)) {
                length = buf.getShort() & 0xFFFF;
            } else {
                throw corrupt(file, String.format(Locale.ROOT, "element (%04X,%04X) has an unknown value "
                        + "representation", group, element));
            }
        } else {
            vr = DicomDictionary.vr(tag);
            length = buf.getInt() & 0xFFFFFFFFL;
        }
        if (tag == PIXEL_DATA && (depth == 0 || length == UNDEFINED)) {
            // An icon's encapsulated pixel data inside a sequence is skipped the same way, and then forgotten.
            EncodedPixels found = readPixelData(vr, length);
            dataset.put(new DicomElement(tag, vr, null, found.length(), buf.order(), charset, null));
            if (depth == 0) {
                pixels = found;
                return false;
            }
            return true;
        }
        if ("SQ".equals(vr) || length == UNDEFINED) {
            boolean wasExplicit = explicit;
            // An undefined-length UN element is a sequence in implicit VR little endian (PS3.5 6.2.2).
            explicit = explicit && !"UN".equals(vr);
            List<DicomDataset> items = readSequence(length, depth + 1);
            explicit = wasExplicit;
            dataset.put(new DicomElement(tag, "SQ", null, length, buf.order(), charset, items));
            return true;
        }
        if (length > buf.remaining() || length > MAX_VALUE_BYTES) {
            throw corrupt(file, String.format(Locale.ROOT, "element (%04X,%04X) declares %,d bytes, more than the "
                    + "%,d left in the file", group, element, length, buf.remaining()));
        }
        byte[] value = null;
        if (length <= KEPT_VALUE_BYTES) {
            value = new byte[(int) length];
            buf.get(value);
        } else {
            buf.position(buf.position() + (int) length);
        }
        if (tag == 0x00080005 && value != null) {
            charset = Charsets.of(new String(value, StandardCharsets.US_ASCII));
        }
        dataset.put(new DicomElement(tag, vr, value, length, buf.order(), charset, null));
        return true;
    }

    private List<DicomDataset> readSequence(long length, int depth) throws ImageLoadException {
        if (depth > MAX_DEPTH) {
            throw corrupt(file, "sequences nested more than " + MAX_DEPTH + " deep");
        }
        if (length != UNDEFINED && length > buf.remaining()) {
            throw corrupt(file, String.format(Locale.ROOT, "a sequence declares %,d bytes, more than the %,d left"
                    + " in the file", length, buf.remaining()));
        }
        long end = length == UNDEFINED ? UNDEFINED : buf.position() + length;
        List<DicomDataset> items = new ArrayList<>();
        while ((end == UNDEFINED || buf.position() < end) && buf.remaining() >= 8) {
            int tag = (buf.getShort() & 0xFFFF) << 16 | buf.getShort() & 0xFFFF;
            long itemLength = buf.getInt() & 0xFFFFFFFFL;
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM) {
                throw corrupt(file, String.format(Locale.ROOT, "a sequence holds (%04X,%04X) where an item belongs",
                        tag >>> 16, tag & 0xFFFF));
            }
            DicomDataset item = new DicomDataset();
            if (itemLength == UNDEFINED) {
                readInto(item, UNDEFINED, depth);
            } else if (itemLength > buf.remaining()) {
                throw corrupt(file, String.format(Locale.ROOT, "an item declares %,d bytes, more than the %,d left"
                        + " in the file", itemLength, buf.remaining()));
            } else {
                int itemEnd = buf.position() + (int) itemLength;
                readInto(item, itemEnd, depth);
                buf.position(itemEnd);
            }
            items.add(item);
        }
        if (end != UNDEFINED) {
            buf.position((int) end);
        }
        return items;
    }

    private EncodedPixels readPixelData(String vr, long length) {
        int at = buf.position();
        if (length != UNDEFINED) {
            long available = Math.min(length, buf.remaining());
            buf.position(at + (int) available);
            return new EncodedPixels(buf, vr, at, length, available, List.of(), null, available < length);
        }
        List<EncodedPixels.Fragment> fragments = new ArrayList<>();
        long[] table = null;
        boolean truncated = true;
        while (buf.remaining() >= 8) {
            int itemStart = buf.position();
            int tag = (buf.getShort() & 0xFFFF) << 16 | buf.getShort() & 0xFFFF;
            long itemLength = buf.getInt() & 0xFFFFFFFFL;
            if (tag == SEQUENCE_END) {
                truncated = false;
                break;
            }
            if (tag != ITEM || itemLength > buf.remaining()) {
                break;
            }
            if (table == null) {
                table = offsetTable((int) itemLength);
            } else {
                fragments.add(new EncodedPixels.Fragment(itemStart, buf.position(), (int) itemLength));
            }
            buf.position(buf.position() + (int) itemLength);
        }
        long total = fragments.stream().mapToLong(EncodedPixels.Fragment::length).sum();
        return new EncodedPixels(buf, vr, at, total, total, fragments, table == null ? new long[0] : table,
                truncated);
    }

    private long[] offsetTable(int length) {
        long[] table = new long[length / 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = buf.getInt(buf.position() + 4 * i) & 0xFFFFFFFFL;
        }
        return table;
    }

    /** Text from the file made fit for a one-line message: control characters as '?', at most 64 characters. */
    static String printable(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\x{80}-\\x{9F}]", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 63) + "…";
    }

    static ImageLoadException corrupt(Path file, String detail) {
        return new ImageLoadException(file + ": the DICOM file is corrupt (" + detail + ")");
    }
}
