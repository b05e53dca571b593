package org.lunglens.patientlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An image file known to the log. Identity is the SHA-256 of its bytes: the same bytes opened from another
 * path are the same image, and the path follows the file's last known place.
 *
 * @param patientId  the linked patient, or null
 * @param format     e.g. "PNG", "DICOM"
 * @param acquiredOn acquisition date when known, else null
 */
public record ImageRecord(long id, Long patientId, String path, String sha256, long sizeBytes, String format,
                          LocalDate acquiredOn, boolean archived, Instant createdAt, Instant updatedAt) {
    public ImageRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
