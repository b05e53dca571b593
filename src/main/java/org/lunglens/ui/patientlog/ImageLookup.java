package org.lunglens.ui.patientlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;

/**
 * Finds an image file in the log by the SHA-256 of its bytes (the log's identity for images, whatever the path).
 * Remembers the last file's hash while its size and modification time stay the same, since the history is looked
 * up after every change to the log. One per log pane; call on the database thread only.
 */
final class ImageLookup {
    private record Cached(Path file, long size, FileTime modified, FileFingerprint fingerprint) {
    }

    private Cached last;

    Optional<ImageHistory> history(PatientLog log, Path file) throws IOException, LogStoreException {
        FileFingerprint fingerprint = fingerprint(file);
        var image = log.images().findBySha256(fingerprint.sha256());
        return image.isEmpty() ? Optional.empty() : Optional.of(log.history(image.get().id()));
    }

    FileFingerprint fingerprint(Path file) throws IOException {
        long size = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Cached c = last;
        if (c != null && c.file().equals(file) && c.size() == size && c.modified().equals(modified)) {
            return c.fingerprint();
        }
        FileFingerprint fingerprint = FileFingerprint.of(file);
        last = new Cached(file, size, modified, fingerprint);
        return fingerprint;
    }
}
