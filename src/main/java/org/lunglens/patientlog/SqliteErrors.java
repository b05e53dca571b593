package org.lunglens.patientlog;

import java.nio.file.Path;
import java.sql.SQLException;
import org.lunglens.patientlog.LogStoreException.Reason;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into messages a user can act on. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static LogStoreException translate(SQLException e, Path file) {
        SQLiteErrorCode code = codeOf(e);
        return switch (primaryName(code)) {
            case "SQLITE_BUSY", "SQLITE_LOCKED" -> new LogStoreException(Reason.IN_USE, "The patient log " + file
                    + " is locked by another program. Close the other program (or wait) and try again.", e);
            case "SQLITE_READONLY", "SQLITE_PERM" -> new LogStoreException(Reason.READ_ONLY, "The patient log "
                    + file + " cannot be written (read-only file, folder or disk).", e);
            case "SQLITE_CORRUPT" -> LogFileValidator.corrupt(file, e.getMessage(), e);
            case "SQLITE_NOTADB" -> new LogStoreException(Reason.NOT_A_DATABASE, "The file " + file
                    + " is not a SQLite database. LungLens leaves it untouched: choose another file.", e);
            case "SQLITE_CANTOPEN" -> new LogStoreException(Reason.CANNOT_OPEN, "The patient log " + file
                    + " cannot be opened: " + e.getMessage(), e);
            case "SQLITE_CONSTRAINT" -> constraint(code, e);
            case "SQLITE_FULL" -> new LogStoreException(Reason.STORAGE, "The disk holding the patient log " + file
                    + " is full; the last change was not saved.", e);
            default -> new LogStoreException(Reason.STORAGE, "The patient log " + file + " failed: "
                    + e.getMessage(), e);
        };
    }

    /** Another connection holds the lock (any BUSY or LOCKED code): worth waiting and trying again. */
    static boolean isBusy(SQLException e) {
        String primary = primaryName(codeOf(e));
        return primary.equals("SQLITE_BUSY") || primary.equals("SQLITE_LOCKED");
    }

    private static SQLiteErrorCode codeOf(SQLException e) {
        return e instanceof SQLiteException se ? se.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    }

    private static LogStoreException constraint(SQLiteErrorCode code, SQLException e) {
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
            return new LogStoreException(Reason.NOT_FOUND, "The change refers to a record that does not exist.", e);
        }
        return new LogStoreException(Reason.CONFLICT, "The change was refused by the patient log: "
                + e.getMessage(), e);
    }

    /** Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX...) share their primary code's low byte. */
    private static String primaryName(SQLiteErrorCode code) {
        int primary = code.code & 0xff;
        for (SQLiteErrorCode candidate : SQLiteErrorCode.values()) {
            if (candidate.code == primary) {
                return candidate.name();
            }
        }
        return code.name();
    }
}
