package org.lunglens.patientlog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Settings kept in the log file itself, so that every reader of a department's log works the same way: today
 * "read first" (the AI stays hidden for an image until the reader has recorded a read of it). Changes are audited.
 */
public final class SharedSettings {
    static final String READ_FIRST = "read_first";

    private final LogDatabase db;
    private final LogOptions options;

    SharedSettings(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    /** Whether the AI is hidden for an image until the reader has recorded a read of it. */
    public boolean readFirst() throws LogStoreException {
        return "1".equals(get(READ_FIRST));
    }

    public void setReadFirst(boolean on) throws LogStoreException {
        set(READ_FIRST, on ? "1" : "0");
    }

    private String get(String key) throws LogStoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM log_settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private void set(String key, String value) throws LogStoreException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_settings(key, value, changed_by)"
                    + " VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
                    + " changed_by = excluded.changed_by WHERE value IS NOT excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.setString(3, options.user());
                return ps.executeUpdate();
            }
        });
    }
}
