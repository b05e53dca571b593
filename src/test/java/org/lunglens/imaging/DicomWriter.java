package org.lunglens.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small DICOM writer for test fixtures, explicit VR little endian (native or encapsulated pixel data): what
 * img2dcm cannot make (16-bit, signed, RGB, palette, multi-frame) and the JPEG 2000 files dcmtk cannot write.
 * dcmtk's tools then convert these into the other transfer syntaxes.
 */
public final class DicomWriter {
    private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);
    private final Map<Integer, String> vrs = new TreeMap<>(Integer::compareUnsigned);

    /** A secondary capture with the image pixel module filled in; pixel data still to be set. */
    public static DicomWriter image(int rows, int columns, int samples, int bitsAllocated, int bitsStored,
            boolean signed, String photometric) {
        DicomWriter w = new DicomWriter();
        w.text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7").text(0x00080018, "UI", "1.2.826.0.1.3680043.9.9.1")
                .text(0x00080060, "CS", "OT").text(0x00100010, "PN", "Test^Patient").text(0x00100020, "LO", "T-1")
                .us(0x00280002, samples).text(0x00280004, "CS", photometric).us(0x00280010, rows)
                .us(0x00280011, columns).us(0x00280100, bitsAllocated).us(0x00280101, bitsStored)
                .us(0x00280102, bitsStored - 1).us(0x00280103, signed ? 1 : 0);
        if (samples > 1) {
            w.us(0x00280006, 0);
        }
        return w;
    }

    public DicomWriter text(int tag, String vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length % 2 == 1) {
            b = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
        }
        return put(tag, vr, b);
    }

    public DicomWriter us(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(tag, "US", b.array());
    }

    public DicomWriter ow(int tag, int[] words) {
        ByteBuffer b = ByteBuffer.allocate(2 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : words) {
            b.putShort((short) v);
        }
        return put(tag, "OW", b.array());
    }

    /** A sequence of one item holding {@code item}'s elements (explicit VR little endian, defined lengths). */
    public DicomWriter sequence(int tag, DicomWriter item) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : item.elements.entrySet()) {
            element(content, e.getKey(), item.vrs.get(e.getKey()), e.getValue());
        }
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        item(seq, 0xFFFEE000, content.toByteArray());
        return put(tag, "SQ", seq.toByteArray());
    }

    public DicomWriter put(int tag, String vr, byte[] value) {
        elements.put(tag, value);
        vrs.put(tag, vr);
        return this;
    }

    /** Native pixel data from samples in file order (interleaved), 8 or 16 bits allocated. */
    public DicomWriter pixels(int bitsAllocated, int[] samples) {
        ByteBuffer b = ByteBuffer.allocate((samples.length * bitsAllocated / 8 + 1) & ~1).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : samples) {
            if (bitsAllocated == 8) {
                b.put((byte) v);
            } else {
                b.putShort((short) v);
            }
        }
        return put(0x7FE00010, bitsAllocated == 8 ? "OB" : "OW", b.array());
    }

    /** Writes the file; {@code fragments} non-null makes the pixel data encapsulated, one fragment a frame. */
    public Path write(Path file, String transferSyntax, List<byte[]> fragments) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x00020001, "OB", new byte[] {0, 1});
        element(meta, 0x00020002, "UI", pad(text(0x00080016)));
        element(meta, 0x00020003, "UI", pad(text(0x00080018)));
        element(meta, 0x00020010, "UI", pad(transferSyntax));
        element(meta, 0x00020012, "UI", pad("1.2.826.0.1.3680043.9.9"));
        element(out, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size())
                .array());
        out.write(meta.toByteArray());
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() == 0x7FE00010 && fragments != null) {
                encapsulated(out, fragments);
            } else {
                element(out, e.getKey(), vrs.get(e.getKey()), e.getValue());
            }
        }
        if (fragments != null && !elements.containsKey(0x7FE00010)) {
            encapsulated(out, fragments);
        }
        return Files.write(file, out.toByteArray());
    }

    private String text(int tag) {
        return new String(elements.get(tag), StandardCharsets.ISO_8859_1).replace("\0", "");
    }

    private static byte[] pad(String uid) {
        return (uid.length() % 2 == 1 ? uid + "\0" : uid).getBytes(StandardCharsets.US_ASCII);
    }

    private static void encapsulated(ByteArrayOutputStream out, List<byte[]> fragments) {
        header(out, 0x7FE00010, "OB", 0xFFFFFFFF);
        item(out, 0xFFFEE000, new byte[0]);
        for (byte[] f : fragments) {
            item(out, 0xFFFEE000, f.length % 2 == 0 ? f : java.util.Arrays.copyOf(f, f.length + 1));
        }
        item(out, 0xFFFEE0DD, new byte[0]);
    }

    private static void item(ByteArrayOutputStream out, int tag, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(value.length);
        out.writeBytes(b.array());
        out.writeBytes(value);
    }

    private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
        if (value.length % 2 == 1) {
            value = java.util.Arrays.copyOf(value, value.length + 1);
        }
        header(out, tag, vr, value.length);
        out.writeBytes(value);
    }

    private static void header(ByteArrayOutputStream out, int tag, String vr, int length) {
        boolean longForm = List.of("OB", "OW", "OF", "SQ", "UT", "UN").contains(vr);
        ByteBuffer b = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            b.putShort((short) 0).putInt(length);
        } else {
            b.putShort((short) length);
        }
        out.writeBytes(b.array());
    }
}
