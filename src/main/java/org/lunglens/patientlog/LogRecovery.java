package org.lunglens.patientlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lunglens.patientlog.LogStoreException.Reason;

/**
 * Writes a recovered copy of a damaged log beside it, never in place (what sqlite3's {@code .recover} does, in
 * Java, so no sqlite3 is needed): the schema is recreated from the file's own, every readable row is copied table by
 * table (scanning tables, never their possibly damaged indexes), rows that would break a UNIQUE or CHECK rule are
 * dropped and counted, and the indexes and audit triggers are rebuilt after the copy.
 */
public final class LogRecovery {
    /** What the copy holds. */
    public record Result(Path copy, Map<String, Integer> copied, Map<String, Integer> dropped, List<String> notes) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** Tries to read on past a damaged page of one table before giving up on the rest of it. */
    private static final int MAX_SKIPS = 40;

    private LogRecovery() {
    }

    public static Result recover(Path file, Clock clock) throws LogStoreException {
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new LogStoreException(Reason.CANNOT_OPEN, "The patient log " + source + " is not a file.");
        }
        Path copy = source.resolveSibling(source.getFileName() + ".recovered-"
                + STAMP.format(LocalDateTime.now(clock)) + ".db");
        if (Files.exists(copy)) {
            throw new LogStoreException(Reason.CONFLICT, copy + " already exists; wait a second and try again.");
        }
        DatabaseFile.prepare(copy);
        try (Connection in = LogDatabase.config(LogOptions.defaults(), true).createConnection(LogDatabase.url(source));
             Connection out = LogDatabase.config(LogOptions.defaults(), false).createConnection(LogDatabase.url(copy))) {
            return copyAll(in, out, copy);
        } catch (SQLException e) {
            throw new LogStoreException(Reason.CORRUPT, "The patient log " + source + " could not be recovered ("
                    + e.getMessage() + "); its schema itself is unreadable. The incomplete copy " + copy
                    + " can be deleted.", e);
        }
    }

    private static Result copyAll(Connection in, Connection out, Path copy) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        List<String> later = new ArrayList<>();
        try (Statement st = in.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                        + "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")) {
            while (rs.next()) {
                if (rs.getString(1).equals("table")) {
                    tables.put(rs.getString(2), rs.getString(3));
                } else {
                    later.add(rs.getString(3));
                }
            }
        }
        Map<String, Integer> copied = new LinkedHashMap<>();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try (Statement st = out.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("BEGIN");
            for (Map.Entry<String, String> table : tables.entrySet()) {
                st.execute(table.getValue());
                int[] counts = copyTable(in, out, table.getKey(),
                        table.getValue().toUpperCase(Locale.ROOT).contains("WITHOUT ROWID"), notes);
                copied.put(table.getKey(), counts[0]);
                dropped.put(table.getKey(), counts[1]);
            }
            for (String sql : later) {
                st.execute(sql);
            }
            try (Statement src = in.createStatement()) {
                st.execute("PRAGMA application_id = " + intPragma(src, "PRAGMA application_id"));
                st.execute("PRAGMA user_version = " + intPragma(src, "PRAGMA user_version"));
            }
            st.execute("COMMIT");
        }
        return new Result(copy, copied, dropped, notes);
    }

    /** Copies one table's readable rows; returns {copied, dropped as duplicates or rule breakers}. */
    private static int[] copyTable(Connection in, Connection out, String table, boolean withoutRowid,
                                   List<String> notes) throws SQLException {
        String quoted = '"' + table.replace("\"", "\"\"") + '"';
        int columns;
        try (Statement st = in.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + quoted + " LIMIT 0")) {
            columns = rs.getMetaData().getColumnCount();
        }
        String insert = "INSERT OR IGNORE INTO " + quoted + " VALUES (" + "?,".repeat(columns - 1) + "?)";
        int[] counts = new int[2];
        long after = Long.MIN_VALUE;
        try (PreparedStatement put = out.prepareStatement(insert)) {
            for (int skips = 0; skips <= MAX_SKIPS; skips++) {
                String sql = withoutRowid ? "SELECT * FROM " + quoted
                        : "SELECT rowid, * FROM " + quoted + " NOT INDEXED WHERE rowid > ? ORDER BY rowid";
                try (PreparedStatement get = in.prepareStatement(sql)) {
                    if (!withoutRowid) {
                        get.setLong(1, after);
                    }
                    try (ResultSet rs = get.executeQuery()) {
                        int offset = withoutRowid ? 0 : 1;
                        while (rs.next()) {
                            if (!withoutRowid) {
                                after = rs.getLong(1);
                            }
                            for (int c = 1; c <= columns; c++) {
                                put.setObject(c, rs.getObject(c + offset));
                            }
                            counts[put.executeUpdate() == 1 ? 0 : 1]++;
                        }
                    }
                    return counts;
                } catch (SQLException e) {
                    notes.add(table + ": unreadable rows after row " + (after == Long.MIN_VALUE ? "0" : after)
                            + " (" + e.getMessage() + ")");
                    if (withoutRowid || after == Long.MAX_VALUE) {
                        return counts;
                    }
                    // Step over the damaged page: further each time, so a long damaged run ends in few tries.
                    after = after == Long.MIN_VALUE ? 0 : after + (1L << Math.min(skips, 20));
                }
            }
        }
        return counts;
    }

    private static int intPragma(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
