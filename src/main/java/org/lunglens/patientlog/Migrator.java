package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Brings a LungLens log up to the newest schema it knows, one migration per transaction. */
final class Migrator {
    private final List<Migration> migrations;

    /** @param migrations in ascending version order; tests pass a prefix of {@link Migrations#ALL} */
    Migrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    int latest() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Applies what is missing. The version is read inside each write transaction, so two processes opening the
     * same new file at once apply each migration exactly once.
     *
     * @return the schema version after migrating
     */
    int migrate(Connection connection, String actor, Instant now) throws SQLException, LogStoreException {
        for (Migration migration : migrations) {
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try {
                    int current = userVersion(connection);
                    if (current > latest()) {
                        throw newerVersion(current, latest());
                    }
                    if (current < migration.version()) {
                        apply(connection, migration, actor, now);
                    }
                    st.execute("COMMIT");
                } catch (SQLException | LogStoreException | RuntimeException e) {
                    rollback(st, e);
                    throw e;
                }
            }
        }
        return userVersion(connection);
    }

    private static void apply(Connection connection, Migration migration, String actor, Instant now)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : migration.statements()) {
                st.execute(sql);
            }
            // PRAGMA arguments cannot be bound; both values are ints from our own code.
            st.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            st.execute("PRAGMA user_version = " + migration.version());
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO schema_migrations(version, description, applied_at, applied_by) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, migration.version());
            ps.setString(2, migration.description());
            ps.setString(3, Timestamps.format(now));
            ps.setString(4, actor);
            ps.executeUpdate();
        }
    }

    /** A failed ROLLBACK ("no transaction is active") must not hide the error that caused it. */
    private static void rollback(Statement st, Exception cause) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    static LogStoreException newerVersion(int found, int known) {
        return new LogStoreException(Reason.NEWER_VERSION, "This patient log was written by a newer LungLens "
                + "(schema version " + found + "; this version knows up to " + known + "). Update LungLens, or "
                + "choose another file for the log. The file was not changed.");
    }
}
