package org.lunglens.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a DICOM file's elements up to the pixel data, by our own strict reading, before ImageJ sees the file.
 * ImageJ allocates whatever an element's length field says, even in its header pass: a fuzzed file whose one
 * length byte changed took 1.6 GB and 3.5 s. Here every element must fit in the file and carry a known value
 * representation, and rows, columns, bits and frames are read for the memory check.
 */
final class DicomHeader {
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final Set<String> SHORT_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS",
            "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US");
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int MAX_ELEMENTS = 100_000;
    /** No header value of a film needs more; a larger one is damage (or an attack) either way. */
    private static final long MAX_VALUE_BYTES = 64L << 20;

    private static final long UNDEFINED = Long.MAX_VALUE;

    /** Ends of the sequences and items being walked ({@link #UNDEFINED} until their delimiter). */
    private final Deque<Long> open = new ArrayDeque<>();
    private final Path file;
    private final ByteBuffer buf;
    private boolean explicit = true;
    private boolean bigEndianSyntax;
    private int rows = -1;
    private int columns = -1;
    private int bitsAllocated = 16;
    private int samples = 1;
    private int frames = 1;

    private DicomHeader(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf;
    }

    /** The declared image, or null when the header names no size (ImageJ then fails with its own message). */
    static ImageHeader read(Path file) throws ImageLoadException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // Mapped, not read: only the header's pages are touched, the pixel data that follows is not.
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), Integer.MAX_VALUE));
            return new DicomHeader(file, buf.order(ByteOrder.LITTLE_ENDIAN)).walk(ch.size());
        } catch (IOException e) {
            throw new ImageLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private ImageHeader walk(long fileSize) throws ImageLoadException {
        buf.position(132);
        for (int n = 0; n < MAX_ELEMENTS; n++) {
            while (!open.isEmpty() && open.peek() <= buf.position()) {
                open.pop();
            }
            if (buf.remaining() < 8) {
                return result();
            }
            int start = buf.position();
            int group = buf.getShort() & 0xFFFF;
            int element = buf.getShort() & 0xFFFF;
            if (group != 0x0002 && buf.order() == ByteOrder.LITTLE_ENDIAN && bigEndianSyntax) {
                buf.position(start);
                buf.order(ByteOrder.BIG_ENDIAN);
                group = buf.getShort() & 0xFFFF;
                element = buf.getShort() & 0xFFFF;
            }
            int tag = group << 16 | element;
            long length;
            String vr = null;
            if (group == 0xFFFE) {
                // Item and delimiters: no VR in any syntax; an item's content is walked, not skipped.
                long itemLength = buf.getInt() & 0xFFFFFFFFL;
                if (element == 0xE000) {
                    open.push(itemLength == 0xFFFFFFFFL ? UNDEFINED : buf.position() + itemLength);
                } else if (!open.isEmpty()) {
                    open.pop();
                }
                continue;
            }
            if (explicit || group == 0x0002) {
                vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
                if (LONG_VRS.contains(vr)) {
                    buf.getShort();
                    length = buf.getInt() & 0xFFFFFFFFL;
                } else if (SHORT_VRS.contains(vr)) {
                    length = buf.getShort() & 0xFFFF;
                } else {
                    throw corrupt(String.format(Locale.ROOT, "element (%04X,%04X) has an unknown value "
                            + "representation", group, element));
                }
            } else {
                length = buf.getInt() & 0xFFFFFFFFL;
            }
            if (tag == PIXEL_DATA && open.isEmpty()) {
                return result();
            }
            if (length == 0xFFFFFFFFL || "SQ".equals(vr)) {
                // A sequence: its items follow and are walked; sizes inside (an icon's rows) are not the film's.
                open.push(length == 0xFFFFFFFFL ? UNDEFINED : buf.position() + length);
                continue;
            }
            if (length > buf.remaining() || length > MAX_VALUE_BYTES) {
                throw corrupt(String.format(Locale.ROOT, "element (%04X,%04X) declares %,d bytes, more than the "
                        + "%,d left in the file", group, element, length, fileSize - buf.position()));
            }
            if (open.isEmpty()) {
                read(tag, (int) length);
            } else {
                buf.position(buf.position() + (int) length);
            }
        }
        throw corrupt("too many header elements");
    }

    private void read(int tag, int length) {
        int at = buf.position();
        switch (tag) {
            case 0x00020010 -> {
                String syntax = text(at, length);
                explicit = !syntax.equals("1.2.840.10008.1.2");
                bigEndianSyntax = syntax.equals("1.2.840.10008.1.2.2");
            }
            case 0x00280002 -> samples = length >= 2 ? buf.getShort(at) & 0xFFFF : samples;
            case 0x00280008 -> frames = parseInt(text(at, length), 1);
            case 0x00280010 -> rows = length >= 2 ? buf.getShort(at) & 0xFFFF : rows;
            case 0x00280011 -> columns = length >= 2 ? buf.getShort(at) & 0xFFFF : columns;
            case 0x00280100 -> bitsAllocated = length >= 2 ? buf.getShort(at) & 0xFFFF : bitsAllocated;
            default -> { }
        }
        buf.position(at + length);
    }

    private String text(int at, int length) {
        byte[] b = new byte[length];
        buf.get(at, b);
        return new String(b, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private ImageHeader result() {
        if (rows < 0 || columns < 0) {
            return null;
        }
        // ImageJ holds colour as one int per pixel; gray as 8 or 16 bits (32-bit data as float).
        int bytesPerPixel = samples > 1 ? 4 : Math.max(1, Math.min(8, (bitsAllocated + 7) / 8));
        return new ImageHeader(columns, rows, bytesPerPixel, 1, frames,
                bitsAllocated + "-bit " + (samples > 1 ? "colour" : "gray"));
    }

    private ImageLoadException corrupt(String detail) {
        return new ImageLoadException(file + ": the DICOM file is corrupt (" + detail + ")");
    }
}
