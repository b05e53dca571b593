package org.lunglens.patientlog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL for the triggers that keep the audit trail: every insert and update of a logged table writes its old and
 * new values to {@code audit_log}; deletes are refused (rows are archived); columns that record history are
 * immutable. Done in the database, not in Java, so no code path (nor a hand edit in the sqlite3 shell) can change
 * a row without a trace. Migrations call this, so its output must stay the same once released.
 */
final class AuditTriggers {
    private AuditTriggers() {
    }

    /**
     * @param table     the logged table; its rows carry {@code id} and {@code changed_by}
     * @param columns   every column, in the order they appear in the audit JSON
     * @param immutable columns that may never change after insert
     */
    static List<String> create(String table, List<String> columns, List<String> immutable) {
        return create(table, columns, immutable, "NEW.id", "NEW.changed_by");
    }

    static List<String> create(String table, List<String> columns, List<String> immutable, String rowId,
                               String actor) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                + " BEGIN SELECT RAISE(ABORT, 'LungLens archives " + table + " rows and never deletes them'); END");
        sql.add("CREATE TRIGGER " + table + "_audit_insert AFTER INSERT ON " + table + " BEGIN "
                + insertAudit(table, rowId, actor, "'INSERT'", "NULL", json("NEW", columns)) + " END");
        sql.add("CREATE TRIGGER " + table + "_audit_update AFTER UPDATE ON " + table + " BEGIN "
                + insertAudit(table, rowId, actor, "'UPDATE'", json("OLD", columns), json("NEW", columns))
                + " END");
        if (!immutable.isEmpty()) {
            String changed = immutable.stream().map(c -> "NEW." + c + " IS NOT OLD." + c)
                    .collect(Collectors.joining(" OR "));
            sql.add("CREATE TRIGGER " + table + "_immutable BEFORE UPDATE ON " + table + " WHEN " + changed
                    + " BEGIN SELECT RAISE(ABORT, 'LungLens keeps recorded " + table
                    + " unchanged; add a new one instead'); END");
        }
        return sql;
    }

    static List<String> drop(String table) {
        List<String> sql = new ArrayList<>();
        for (String suffix : List.of("_no_delete", "_audit_insert", "_audit_update", "_immutable")) {
            sql.add("DROP TRIGGER IF EXISTS " + table + suffix);
        }
        return sql;
    }

    private static String insertAudit(String table, String rowId, String actor, String action, String oldValues,
                                      String newValues) {
        return "INSERT INTO audit_log(at, actor, table_name, row_id, action, old_values, new_values) VALUES ("
                + "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), " + actor + ", '" + table + "', " + rowId + ", "
                + action + ", " + oldValues + ", " + newValues + ");";
    }

    private static String json(String row, List<String> columns) {
        return columns.stream().map(c -> "'" + c + "', " + row + "." + c)
                .collect(Collectors.joining(", ", "json_object(", ")"));
    }
}
