package org.lunglens.patientlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.lunglens.patientlog.LogStoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFile.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private DatabaseFile() {
    }

    /** Creates a missing file (owner-only), refuses folders, devices, pipes, read-only and non-SQLite files. */
    static State prepare(Path file) throws LogStoreException {
        if (Files.isDirectory(file)) {
            throw new LogStoreException(Reason.CANNOT_OPEN,
                    "The patient log path " + file + " is a folder. Choose a file name instead.");
        }
        boolean created = false;
        if (!Files.exists(file)) {
            created = create(file);
        }
        if (!Files.isRegularFile(file)) {
            // Reading a FIFO blocks for ever; /dev/null swallows every write and ends in "cannot rollback".
            throw new LogStoreException(Reason.CANNOT_OPEN, "The patient log path " + file + " is not a regular "
                    + "file (a device, a pipe or a socket). Choose a file name instead.");
        }
        if (isReadOnly(file)) {
            throw new LogStoreException(Reason.READ_ONLY, "The patient log " + file
                    + " is read-only. LungLens needs to write to it: make it writable or choose another file.");
        }
        if (!Files.isWritable(file.toAbsolutePath().getParent())) {
            throw new LogStoreException(Reason.READ_ONLY, "The folder of the patient log " + file
                    + " is read-only; SQLite needs to create its journal files there.");
        }
        State state = sniff(file);
        if (state == State.EMPTY && !created) {
            adoptEmpty(file);
        }
        return state;
    }

    /**
     * An existing 0-byte file holds nothing to lose, so it becomes the log, but not silently: the log says so and
     * the file is made owner-only like a log LungLens creates.
     */
    private static void adoptEmpty(Path file) {
        LOG.warn("The empty file {} becomes a new patient log (owner-only)", file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            } catch (IOException e) {
                LOG.warn("Could not make {} owner-only: {}", file, e.getMessage());
            }
        }
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

    /** True when this call made the file. */
    private static boolean create(Path file) throws LogStoreException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(parent) && isReadOnly(parent)) {
            throw new LogStoreException(Reason.READ_ONLY, "The patient log " + file + " cannot be created: the "
                    + "folder " + parent + " is read-only. Choose a folder you can write to.");
        }
        try {
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createDirectories(parent);
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            // Another process created it between our check and now: it will be sniffed like any other file.
            return false;
        } catch (AccessDeniedException e) {
            // The exception's message is only a path: say what it means.
            throw new LogStoreException(Reason.READ_ONLY, "The patient log " + file + " cannot be created: no "
                    + "permission to write in " + e.getFile() + ". Choose a folder you can write to.", e);
        } catch (IOException e) {
            throw new LogStoreException(Reason.CANNOT_OPEN,
                    "The patient log " + file + " cannot be created: " + e.getMessage(), e);
        }
    }
}
