package org.lunglens.patientlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.lunglens.patientlog.LogStoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The one JDBC connection of a {@link PatientLog}: opening (checks, WAL, migrations), transactions, and turning
 * SQLite errors into {@link LogStoreException}s. Calls are serialised: a SQLite connection is not thread-safe.
 */
final class LogDatabase implements AutoCloseable {
    /** A unit of work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, LogStoreException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogDatabase.class);

    private final Path file;
    private final Connection connection;
    private final int schemaVersion;
    private boolean closed;

    private LogDatabase(Path file, Connection connection, int schemaVersion) {
        this.file = file;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
    }

    static LogDatabase open(Path file, LogOptions options, Migrator migrator) throws LogStoreException {
        Path path = file.toAbsolutePath().normalize();
        if (DatabaseFile.prepare(path) == DatabaseFile.State.SQLITE) {
            LogFileValidator.validate(path, options, migrator.latest());
        }
        Connection connection = null;
        try {
            connection = config(options, false).createConnection(url(path));
            WalMode.enable(connection, options.busyTimeout());
            int version = migrator.migrate(connection, options.user(), options.clock().instant());
            LOG.info("Opened patient log {} (schema version {})", path, version);
            return new LogDatabase(path, connection, version);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqliteErrors.translate(e, path);
        } catch (LogStoreException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    static SQLiteConfig config(LogOptions options, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        if (readOnly) {
            config.setReadOnly(true);
            config.resetOpenMode(SQLiteOpenMode.CREATE);
            return config;
        }
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        // WAL is switched on after opening (WalMode): as a connection pragma it fails at once when busy.
        // FULL syncs the WAL on every commit: a committed analysis survives a power cut, not only a crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        return config;
    }

    static String url(Path path) {
        return "jdbc:sqlite:" + path;
    }

    Path file() {
        return file;
    }

    int schemaVersion() {
        return schemaVersion;
    }

    /** Runs {@code work} in a write transaction (BEGIN IMMEDIATE: waits for other writers up front). */
    synchronized <T> T write(Work<T> work) throws LogStoreException {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in a read transaction, so that several queries see one snapshot. */
    synchronized <T> T read(Work<T> work) throws LogStoreException {
        return inTransaction("BEGIN DEFERRED", work);
    }

    private <T> T inTransaction(String begin, Work<T> work) throws LogStoreException {
        if (closed) {
            throw new IllegalStateException("The patient log " + file + " is closed");
        }
        try (Statement st = connection.createStatement()) {
            st.execute(begin);
            try {
                T result = work.run(connection);
                st.execute("COMMIT");
                return result;
            } catch (SQLException | LogStoreException | RuntimeException e) {
                rollback(st);
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, file);
        }
    }

    private static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original error is what matters.
            LOG.debug("Rollback after a failed transaction: {}", e.getMessage());
        }
    }

    /** {@code PRAGMA integrity_check}'s first line: "ok" for a healthy file. */
    synchronized String integrityCheck() throws LogStoreException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, file);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the patient log failed: {}", e.getMessage());
        }
    }
}
