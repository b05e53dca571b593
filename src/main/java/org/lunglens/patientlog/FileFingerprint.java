package org.lunglens.patientlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 and size of a file's bytes: what identifies an image in the log, and a model file's exact weights. */
public record FileFingerprint(String sha256, long sizeBytes) {
    public static FileFingerprint of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
            }
        }
        return new FileFingerprint(HexFormat.of().formatHex(digest.digest()), size);
    }

    public static FileFingerprint of(byte[] bytes) {
        return new FileFingerprint(HexFormat.of().formatHex(newDigest().digest(bytes)), bytes.length);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
