package org.lunglens.patientlog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail. There is no way to write it from here: triggers do that. */
public final class AuditTrail {
    private static final String COLUMNS = "id, at, actor, table_name, row_id, action, old_values, new_values";

    private final LogDatabase db;

    AuditTrail(LogDatabase db) {
        this.db = db;
    }

    /** Every change of one row, oldest first. */
    public List<AuditEntry> forRow(String table, long rowId) throws LogStoreException {
        return query("SELECT " + COLUMNS + " FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id",
                table, rowId);
    }

    /** The newest {@code limit} changes, newest first. */
    public List<AuditEntry> latest(int limit) throws LogStoreException {
        return query("SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC LIMIT ?", limit);
    }

    private List<AuditEntry> query(String sql, Object... parameters) throws LogStoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(map(rs));
                    }
                }
                return entries;
            }
        });
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                rs.getString("table_name"), rs.getLong("row_id"), rs.getString("action"),
                rs.getString("old_values"), rs.getString("new_values"));
    }
}
