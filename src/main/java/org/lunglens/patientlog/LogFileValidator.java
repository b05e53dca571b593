package org.lunglens.patientlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.lunglens.patientlog.LogStoreException.Reason;

/**
 * Looks at an existing SQLite file through a read-only connection before LungLens opens it for writing, so that
 * a foreign, damaged or newer file is refused without a single byte of it changing (switching to WAL or running
 * a migration would write to it).
 */
final class LogFileValidator {
    private LogFileValidator() {
    }

    /**
     * Refuses a file that is not a sound LungLens log of a known version. A read-only connection to a WAL-mode file
     * makes -wal and -shm files beside it; on a refusal those it made are removed again (a -wal only while empty), so
     * a refused file's folder is left as it was.
     */
    static void validate(Path file, LogOptions options, int latestVersion) throws LogStoreException {
        List<Path> sideFiles = List.of(file.resolveSibling(file.getFileName() + "-wal"),
                file.resolveSibling(file.getFileName() + "-shm"));
        List<Path> existing = sideFiles.stream().filter(Files::exists).toList();
        try {
            check(file, options, latestVersion);
        } catch (LogStoreException e) {
            for (Path side : sideFiles) {
                if (!existing.contains(side)) {
                    removeIfOurs(side);
                }
            }
            throw e;
        }
    }

    private static void removeIfOurs(Path side) {
        try {
            if (side.getFileName().toString().endsWith("-shm") || Files.size(side) == 0) {
                Files.deleteIfExists(side);
            }
        } catch (IOException e) {
            // Already gone, or not ours to remove: leave it.
        }
    }

    private static void check(Path file, LogOptions options, int latestVersion) throws LogStoreException {
        try (Connection c = LogDatabase.config(options, true).createConnection(LogDatabase.url(file));
             Statement st = c.createStatement()) {
            int applicationId = intPragma(st, "PRAGMA application_id");
            int userVersion = intPragma(st, "PRAGMA user_version");
            int objects;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                objects = rs.getInt(1);
            }
            if (applicationId != Migrations.APPLICATION_ID && (objects > 0 || userVersion != 0)) {
                throw new LogStoreException(Reason.FOREIGN_DATABASE, "The file " + file + " is a SQLite database "
                        + "made by another program, not a LungLens patient log. LungLens leaves it untouched: "
                        + "choose another file for the log.");
            }
            if (userVersion > latestVersion) {
                throw Migrator.newerVersion(userVersion, latestVersion);
            }
            List<String> problems = LogIntegrity.problems(st);
            if (!problems.isEmpty()) {
                throw corrupt(file, problems.get(0) + (problems.size() > 1 ? "; and more" : ""), null);
            }
        } catch (SQLException e) {
            LogStoreException translated = SqliteErrors.translate(e, file);
            // The header said SQLite, so "not a database" from SQLite itself means damaged pages.
            throw translated.reason() == Reason.NOT_A_DATABASE ? corrupt(file, e.getMessage(), e) : translated;
        }
    }

    static LogStoreException corrupt(Path file, String detail, Throwable cause) {
        return new LogStoreException(Reason.CORRUPT, "The patient log " + file + " is damaged (" + detail
                + "). LungLens does not write to it: 'lunglens log repair --db " + file + "' writes a recovered copy "
                + "beside it (the file itself is left untouched); choose another file to keep working.", cause);
    }

    private static int intPragma(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
