package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a log into write-ahead-log mode (readers never block the writer; the mode is stored in the file).
 *
 * <p>Not a connection-open pragma: switching a new file to WAL needs an exclusive lock, and when another process
 * is initialising the same new file SQLite answers SQLITE_BUSY at once, without waiting on the busy timeout
 * (deadlock avoidance). The app and the CLI opening a fresh log together then failed as "locked". Here the switch
 * is retried until the busy timeout runs out.
 */
final class WalMode {
    private static final Logger LOG = LoggerFactory.getLogger(WalMode.class);
    private static final long RETRY_MILLIS = 20;

    private WalMode() {
    }

    static void enable(Connection connection, Duration busyTimeout) throws SQLException {
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        while (true) {
            try {
                switchToWal(connection);
                return;
            } catch (SQLException e) {
                if (!SqliteErrors.isBusy(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the patient log to be free", e);
            }
        }
    }

    private static void switchToWal(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if ("wal".equalsIgnoreCase(mode(st, "PRAGMA journal_mode"))) {
                return;
            }
            String mode = mode(st, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                // Some file systems cannot hold WAL's shared memory; a rollback journal is slower, still safe.
                LOG.warn("The patient log stays in journal mode '{}': this file system refused WAL", mode);
            }
        }
    }

    private static String mode(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getString(1);
        }
    }
}
