package org.lunglens.patientlog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens files that carry patient data (CSV exports, Grad-CAM PNGs with the file name burnt in) owner-only, as the
 * log itself is: a result written beside the log must not be more readable than the log.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates or truncates {@code file} with mode 600 where the file system knows POSIX modes. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // The caller decided it may be replaced (--force, or a file of its own): tighten it too.
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    public static Writer newWriter(Path file) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8));
    }
}
