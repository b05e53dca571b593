package org.lunglens.patientlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lunglens.patientlog.LogStoreException.Reason;

/** AI results: append, list per image, archive. */
public final class AnalysisRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, image_id, model_name, model_sha256, predicted_class, gradcam_class,"
            + " gradcam_settings, duration_ms, created_at, os_user, archived, unfamiliar, unfamiliarity";

    private final LogDatabase db;
    private final LogOptions options;

    AnalysisRepository(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    /** Logs an analysis and its per-class probabilities in one transaction; returns it with its id. */
    public AnalysisRecord add(AnalysisRecord draft) throws LogStoreException {
        return db.write(c -> insert(c, draft));
    }

    /**
     * Logs {@code draft} unless the log already holds a run of the same model file (by SHA-256) on the same image
     * explaining the same class: reopening a film, or classifying a folder again, gives the same result and is not a
     * new analysis. Returns the logged run, new or earlier.
     */
    public AnalysisRecord addOnce(AnalysisRecord draft) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM analyses WHERE image_id = ?"
                    + " AND model_sha256 = ? AND gradcam_class IS ? AND archived = 0 ORDER BY id LIMIT 1")) {
                ps.setLong(1, draft.imageId());
                ps.setString(2, draft.modelSha256());
                ps.setString(3, draft.gradCam() == null ? null : draft.gradCam().targetClass());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return load(c, rs.getLong(1));
                    }
                }
            }
            return insert(c, draft);
        });
    }

    private AnalysisRecord insert(Connection c, AnalysisRecord draft) throws SQLException, LogStoreException {
        ImageRepository.load(c, draft.imageId());
        String now = Timestamps.format(options.clock().instant());
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analyses(image_id, model_name,"
                + " model_sha256, predicted_class, gradcam_class, gradcam_settings, duration_ms, os_user,"
                + " created_at, updated_at, changed_by, unfamiliar, unfamiliarity)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, draft.imageId());
            ps.setString(2, draft.modelName());
            ps.setString(3, draft.modelSha256());
            ps.setString(4, draft.predictedClass());
            if (draft.gradCam() == null) {
                ps.setNull(5, Types.VARCHAR);
                ps.setNull(6, Types.VARCHAR);
            } else {
                ps.setString(5, draft.gradCam().targetClass());
                ps.setString(6, toJson(draft.gradCam().settings()));
            }
            ps.setLong(7, draft.durationMillis());
            ps.setString(8, options.user());
            ps.setString(9, now);
            ps.setString(10, now);
            ps.setString(11, options.user());
            if (draft.familiarity() == null) {
                ps.setNull(12, Types.INTEGER);
                ps.setNull(13, Types.REAL);
            } else {
                ps.setInt(12, draft.familiarity().unfamiliar() ? 1 : 0);
                // The check reports "infinitely unlike" for a blank film; the log keeps a large finite number
                ps.setDouble(13, Math.min(draft.familiarity().unfamiliarity(), 1e6));
            }
            id = Sql.insertReturningId(ps);
        }
        insertProbabilities(c, id, draft.probabilities());
        return load(c, id);
    }

    public AnalysisRecord archive(long id) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE analyses SET archived = 1, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setString(1, Timestamps.format(options.clock().instant()));
                ps.setString(2, options.user());
                ps.setLong(3, id);
                PatientRepository.requireOne(ps.executeUpdate(), id);
            }
            return load(c, id);
        });
    }

    public Optional<AnalysisRecord> find(long id) throws LogStoreException {
        return db.read(c -> Optional.ofNullable(first(select(c, "id = ?", id))));
    }

    /** An image's analyses, oldest first. */
    public List<AnalysisRecord> forImage(long imageId, boolean includeArchived) throws LogStoreException {
        return db.read(c -> forImage(c, imageId, includeArchived));
    }

    static List<AnalysisRecord> forImage(Connection c, long imageId, boolean includeArchived) throws SQLException {
        return select(c, "image_id = ?" + (includeArchived ? "" : " AND archived = 0"), imageId);
    }

    private static void insertProbabilities(Connection c, long id, List<ClassProbability> probabilities)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_probabilities(analysis_id,"
                + " class_index, class_name, probability) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < probabilities.size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, probabilities.get(i).className());
                ps.setDouble(4, probabilities.get(i).probability());
                ps.executeUpdate();
            }
        }
    }

    private static AnalysisRecord load(Connection c, long id) throws SQLException, LogStoreException {
        AnalysisRecord analysis = first(select(c, "id = ?", id));
        if (analysis == null) {
            throw new LogStoreException(Reason.NOT_FOUND, "No analysis with id " + id + " in the patient log.");
        }
        return analysis;
    }

    private static AnalysisRecord first(List<AnalysisRecord> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<AnalysisRecord> select(Connection c, String where, long key) throws SQLException {
        List<AnalysisRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM analyses WHERE " + where + " ORDER BY created_at, id")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(c, rs));
                }
            }
        }
        return result;
    }

    private static AnalysisRecord map(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String gradCamClass = rs.getString("gradcam_class");
        GradCamInfo gradCam = gradCamClass == null ? null
                : new GradCamInfo(gradCamClass, fromJson(rs.getString("gradcam_settings")));
        return new AnalysisRecord(id, rs.getLong("image_id"), rs.getString("model_name"),
                rs.getString("model_sha256"), probabilities(c, id), rs.getString("predicted_class"), gradCam,
                rs.getLong("duration_ms"), Sql.instant(rs, "created_at"), rs.getString("os_user"),
                rs.getBoolean("archived"), familiarity(rs));
    }

    private static AnalysisRecord.FamiliarityFlag familiarity(ResultSet rs) throws SQLException {
        int unfamiliar = rs.getInt("unfamiliar");
        if (rs.wasNull()) {
            return null;
        }
        return new AnalysisRecord.FamiliarityFlag(unfamiliar == 1, rs.getDouble("unfamiliarity"));
    }

    private static List<ClassProbability> probabilities(Connection c, long id) throws SQLException {
        List<ClassProbability> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT class_name, probability FROM analysis_probabilities"
                + " WHERE analysis_id = ? ORDER BY class_index")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ClassProbability(rs.getString(1), rs.getDouble(2)));
                }
            }
        }
        return result;
    }

    private static String toJson(Map<String, String> settings) throws SQLException {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new SQLException("Grad-CAM settings cannot be written as JSON", e);
        }
    }

    private static Map<String, String> fromJson(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("Stored Grad-CAM settings are not valid JSON", e);
        }
    }
}
