package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the log table's query from fixed SQL fragments; every value the user typed is a bound parameter. */
final class LogSearch {
    private static final String SELECT = """
            SELECT i.id AS image_id, i.path, i.format, i.acquired_on, i.archived AS image_archived,
                   p.id AS patient_id, p.local_id, p.name,
                   a.id AS analysis_id, a.created_at AS analyzed_at, a.model_name, a.predicted_class,
                   (SELECT probability FROM analysis_probabilities ap
                     WHERE ap.analysis_id = a.id AND ap.class_name = a.predicted_class) AS predicted_probability,
                   a.unfamiliar,
                   r.finding, r.confidence, r.after_ai, r.created_at AS read_at
            FROM images i
            LEFT JOIN patients p ON p.id = i.patient_id
            LEFT JOIN analyses a ON a.id = (SELECT max(id) FROM analyses WHERE image_id = i.id AND archived = 0)
            LEFT JOIN reads r ON r.id = (SELECT max(id) FROM reads
                                         WHERE image_id = i.id AND archived = 0 AND source <> 'quiz')
            WHERE 1 = 1""";
    private static final List<String> TEXT_COLUMNS = List.of("i.path", "p.local_id", "p.name", "p.notes",
            "a.predicted_class", "r.finding", "r.free_text");

    private LogSearch() {
    }

    static List<LogRow> run(Connection c, LogQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        if (!q.text().isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ",
                    TEXT_COLUMNS.stream().map(col -> col + " LIKE ? ESCAPE '\\'").toList())).append(')');
            TEXT_COLUMNS.forEach(col -> params.add(Sql.containsPattern(q.text())));
        }
        where(sql, params, "i.patient_id = ?", q.patientId());
        where(sql, params, "a.predicted_class = ?", q.predictedClass());
        if (q.probabilityClass() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM analysis_probabilities ap WHERE ap.analysis_id = a.id"
                    + " AND ap.class_name = ? AND ap.probability >= ?)");
            params.add(q.probabilityClass());
            params.add(q.minProbability());
        }
        where(sql, params, "i.acquired_on >= ?", Sql.date(q.acquiredFrom()));
        where(sql, params, "i.acquired_on <= ?", Sql.date(q.acquiredTo()));
        if (!q.includeArchived()) {
            sql.append(" AND i.archived = 0 AND (p.id IS NULL OR p.archived = 0)");
        }
        sql.append(" ORDER BY ").append(q.sortBy().sql()).append(' ').append(q.order().sql())
                .append(" NULLS LAST, i.id LIMIT ?");
        params.add(q.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<LogRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        }
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static LogRow map(ResultSet rs) throws SQLException {
        Long afterAi = Sql.nullableLong(rs, "after_ai");
        Long unfamiliar = Sql.nullableLong(rs, "unfamiliar");
        return new LogRow(rs.getLong("image_id"), rs.getString("path"), rs.getString("format"),
                Sql.date(rs.getString("acquired_on")), rs.getBoolean("image_archived"),
                Sql.nullableLong(rs, "patient_id"), rs.getString("local_id"), rs.getString("name"),
                Sql.nullableLong(rs, "analysis_id"), Sql.instant(rs, "analyzed_at"), rs.getString("model_name"),
                rs.getString("predicted_class"), Sql.nullableDouble(rs, "predicted_probability"),
                unfamiliar == null ? null : unfamiliar != 0,
                rs.getString("finding"), Sql.nullableDouble(rs, "confidence"),
                afterAi == null ? null : afterAi != 0, Sql.instant(rs, "read_at"));
    }
}
