package org.lunglens.patientlog;

/**
 * The patient log could not do what was asked. The message is written for the user (what happened, what to
 * do); {@link #reason()} lets the app decide whether to carry on without the log.
 */
public class LogStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the log failed, coarse enough for a UI to choose an action. */
    public enum Reason {
        /** Another program holds a lock on the file for longer than the busy timeout. */
        IN_USE,
        /** The file or its folder cannot be written. */
        READ_ONLY,
        /** A SQLite file whose pages are damaged. */
        CORRUPT,
        /** Not a SQLite file at all. */
        NOT_A_DATABASE,
        /** A SQLite file made by another application. */
        FOREIGN_DATABASE,
        /** A LungLens log from a newer LungLens with a schema this version does not know. */
        NEWER_VERSION,
        /** The path cannot be opened (a folder, a missing parent that cannot be created, no permission). */
        CANNOT_OPEN,
        /** The change clashes with a stored row (a duplicate local ID, a change the schema forbids). */
        CONFLICT,
        /** A referenced row does not exist. */
        NOT_FOUND,
        /** Any other storage failure (disk full, I/O error). */
        STORAGE
    }

    private final Reason reason;

    public LogStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LogStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
