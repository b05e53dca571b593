package org.lunglens.imaging;

import java.nio.charset.StandardCharsets;

/** Names common image formats from their first bytes, to tell "unsupported" from "not an image". */
final class FileSignatures {
    private FileSignatures() {
    }

    /** The format's name, or null when the bytes match no image format we know. */
    static String identify(byte[] head) {
        if (startsWith(head, "GIF8")) {
            return "GIF";
        }
        if (startsWith(head, "II*\0") || startsWith(head, "MM\0*")) {
            return "TIFF";
        }
        if (startsWith(head, "RIFF") && head.length >= 12
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "WebP";
        }
        if (head.length >= 12 && new String(head, 4, 8, StandardCharsets.ISO_8859_1).startsWith("ftyp")) {
            return "HEIF/AVIF";
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0x4F
                && (head[2] & 0xFF) == 0xFF && (head[3] & 0xFF) == 0x51) {
            return "JPEG 2000";
        }
        if (startsWith(head, "\0\0\0\fjP  ")) {
            return "JPEG 2000";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (head.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (head[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
