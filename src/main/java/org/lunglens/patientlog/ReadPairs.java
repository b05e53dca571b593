package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The query behind {@link PatientLog#readPairs()}: fixed SQL, no user text in it. */
final class ReadPairs {
    private static final String SQL = """
            SELECT r.image_id, a.model_name, a.predicted_class, a.unfamiliar, r.finding, r.source,
                   r.created_at AS read_at,
                   (SELECT group_concat(class_name, char(31)) FROM
                       (SELECT class_name FROM analysis_probabilities WHERE analysis_id = a.id ORDER BY class_index))
                       AS classes
            FROM reads r
            JOIN analyses a ON a.image_id = r.image_id AND a.archived = 0
                AND a.id = (SELECT max(id) FROM analyses
                            WHERE image_id = r.image_id AND model_name = a.model_name AND archived = 0)
            JOIN images i ON i.id = r.image_id AND i.archived = 0
            WHERE r.archived = 0 AND r.after_ai = 0 AND r.source <> 'quiz'
              AND r.id = (SELECT min(id) FROM reads
                          WHERE image_id = r.image_id AND archived = 0 AND after_ai = 0 AND source <> 'quiz')
            ORDER BY a.model_name, r.created_at, r.image_id""";

    private ReadPairs() {
    }

    static List<ReadPair> all(Connection c) throws SQLException {
        List<ReadPair> pairs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long unfamiliar = Sql.nullableLong(rs, "unfamiliar");
                String classes = rs.getString("classes");
                pairs.add(new ReadPair(rs.getLong("image_id"), rs.getString("model_name"),
                        classes == null ? List.of() : Arrays.asList(classes.split("\u001f")),
                        rs.getString("predicted_class"), unfamiliar == null ? null : unfamiliar != 0,
                        rs.getString("finding"), ReadRecord.Source.ofStored(rs.getString("source")),
                        Sql.instant(rs, "read_at")));
            }
        }
        return pairs;
    }
}
