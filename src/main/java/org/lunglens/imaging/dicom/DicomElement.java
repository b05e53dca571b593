package org.lunglens.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One element of a data set as read: its tag, value representation, and value bytes (null when the value was too
 * long to keep, see {@link #length()}), or the items of a sequence.
 */
public record DicomElement(int tag, String vr, byte[] value, long length, ByteOrder order, Charset charset,
        List<DicomDataset> items) {
    private static final int SHOWN_VALUES = 12;

    public DicomElement {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isSequence() {
        return "SQ".equals(vr);
    }

    /** The value as text, padding and trailing NULs removed; "" for binary or missing values. */
    public String text() {
        if (value == null || isBinary()) {
            return "";
        }
        return new String(value, charset).replace("\0", "").strip();
    }

    /** Multi-valued text split at backslashes. */
    public List<String> texts() {
        String t = text();
        return t.isEmpty() ? List.of() : List.of(t.split("\\\\", -1));
    }

    /** Numbers of an IS/DS string or of a binary US/SS/UL/SL/FL/FD value; unparsable entries are left out. */
    public List<Double> numbers() {
        List<Double> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(order);
        switch (vr) {
            case "US", "OW" -> { while (b.remaining() >= 2) { out.add((double) (b.getShort() & 0xFFFF)); } }
            case "SS" -> { while (b.remaining() >= 2) { out.add((double) b.getShort()); } }
            case "UL" -> { while (b.remaining() >= 4) { out.add((double) (b.getInt() & 0xFFFFFFFFL)); } }
            case "SL" -> { while (b.remaining() >= 4) { out.add((double) b.getInt()); } }
            case "FL", "OF" -> { while (b.remaining() >= 4) { out.add((double) b.getFloat()); } }
            case "FD", "OD" -> { while (b.remaining() >= 8) { out.add(b.getDouble()); } }
            default -> {
                for (String s : texts()) {
                    try {
                        out.add(Double.parseDouble(s.strip()));
                    } catch (NumberFormatException e) {
                        // A malformed number is left out, as if the value were absent.
                    }
                }
            }
        }
        return out;
    }

    /** Unsigned 16-bit words of the value (LUT data), in the data set's byte order. */
    public int[] words() {
        if (value == null) {
            return new int[0];
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(order);
        int[] out = new int[value.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort() & 0xFFFF;
        }
        return out;
    }

    /** "(0010,0010)" */
    public String tagText() {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** The value for a person to read, shortened to about {@code maxChars}. */
    public String display(int maxChars) {
        String shown;
        if (isSequence()) {
            shown = items.size() + (items.size() == 1 ? " item" : " items");
        } else if (value == null) {
            shown = String.format(Locale.ROOT, "(%,d bytes)", length);
        } else if (isBinary()) {
            shown = binary();
        } else {
            shown = text();
        }
        return shown.length() <= maxChars ? shown : shown.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    private String binary() {
        if (vr.equals("AT")) {
            ByteBuffer b = ByteBuffer.wrap(value).order(order);
            List<String> tags = new ArrayList<>();
            while (b.remaining() >= 4) {
                tags.add(String.format(Locale.ROOT, "(%04X,%04X)", b.getShort() & 0xFFFF, b.getShort() & 0xFFFF));
            }
            return String.join("\\", tags);
        }
        if (List.of("US", "SS", "UL", "SL", "FL", "FD").contains(vr)) {
            List<Double> n = numbers();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Math.min(n.size(), SHOWN_VALUES); i++) {
                double d = n.get(i);
                s.append(i == 0 ? "" : "\\").append(d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d));
            }
            return n.size() > SHOWN_VALUES ? s + "\\…" : s.toString();
        }
        if (vr.equals("UN") && printable(value)) {
            // Implicit VR files leave tags outside our dictionary without a VR: most of them are text.
            return new String(value, charset).replace("\0", "").strip();
        }
        return String.format(Locale.ROOT, "(%,d bytes)", length);
    }

    private static boolean printable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b < 0x20 || b == 0x7F) && b != 0 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean isBinary() {
        return switch (vr) {
            case "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT" ->
                    false;
            default -> true;
        };
    }
}
