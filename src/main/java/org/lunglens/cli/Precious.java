package org.lunglens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises, by their first bytes, files no output may replace even with {@code --force}: images (an X-ray named
 * as the output by mistake) and SQLite databases (a patient log).
 */
final class Precious {
    private static final byte[][] SIGNATURES = {
        {(byte) 0x89, 'P', 'N', 'G'},
        {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {'B', 'M'},
        {'G', 'I', 'F', '8'},
        {'I', 'I', '*', 0},
        {'M', 'M', 0, '*'},
        "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII),
    };

    private Precious() {
    }

    static boolean content(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(132);
        } catch (IOException e) {
            return false;
        }
        for (byte[] sig : SIGNATURES) {
            if (head.length >= sig.length && Arrays.equals(head, 0, sig.length, sig, 0, sig.length)) {
                return true;
            }
        }
        // DICOM Part 10: "DICM" after the 128-byte preamble
        return head.length == 132 && new String(head, 128, 4, StandardCharsets.US_ASCII).equals("DICM");
    }
}
