package org.lunglens.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.lunglens.log.LogStoreException.Reason;

/**
 * Checks on the log file made with plain file I/O before SQLite opens it, so that a file that is not ours is
 * refused without SQLite ever writing to it. Nothing here writes to or deletes an existing file.
 */
final class DatabaseFile {
    /** What {@link #prepare} found. */
    enum State {
        /** No bytes yet (just created, or an empty file): safe to initialise. */
        EMPTY,
        /** Starts with the SQLite header: still to be validated through a read-only connection. */
        SQLITE
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private DatabaseFile() {
    }

    /** Creates a missing file (owner-only), refuses folders, read-only and non-SQLite files. */
    static State prepare(Path file) throws LogStoreException {
        if (Files.isDirectory(file)) {
            throw new LogStoreException(Reason.CANNOT_OPEN,
                    "The patient log path " + file + " is a folder. Choose a file name instead.");
        }
        if (!Files.exists(file)) {
            create(file);
        }
        if (isReadOnly(file)) {
            throw new LogStoreException(Reason.READ_ONLY, "The patient log " + file
                    + " is read-only. LungLens needs to write to it: make it writable or choose another file.");
        }
        if (!Files.isWritable(file.toAbsolutePath().getParent())) {
            throw new LogStoreException(Reason.READ_ONLY, "The folder of the patient log " + file
                    + " is read-only; SQLite needs to create its journal files there.");
        }
        return sniff(file);
    }

    /** Read-only by its permission bits even for root, who could write it anyway: respect the owner's wish. */
    private static boolean isReadOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return false;
        }
        try {
            return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static State sniff(Path file) throws LogStoreException {
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new LogStoreException(Reason.CANNOT_OPEN,
                    "The patient log " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            return State.EMPTY;
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw new LogStoreException(Reason.NOT_A_DATABASE, "The file " + file
                    + " is not a database (it does not start with the SQLite header). LungLens leaves it "
                    + "untouched: choose another file for the patient log.");
        }
        return State.SQLITE;
    }

    private static void create(Path file) throws LogStoreException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createDirectories(parent);
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it between our check and now: it will be sniffed like any other file.
        } catch (IOException e) {
            throw new LogStoreException(Reason.CANNOT_OPEN,
                    "The patient log " + file + " cannot be created: " + e.getMessage(), e);
        }
    }
}
