package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Measurements per image: add, archive (remove) and restore (undo), list; never changed, never deleted. */
public final class MeasurementRepository {
    private static final String COLUMNS = "id, image_id, uid, kind, geometry_json, value_text, archived, created_at,"
            + " updated_at, changed_by";

    private final LogDatabase db;
    private final LogOptions options;

    MeasurementRepository(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    /** Keeps a new measurement of {@code imageId}; the same {@code uid} again returns the one already kept. */
    public MeasurementRecord add(long imageId, String uid, String kind, String geometryJson, String valueText)
            throws LogStoreException {
        return db.write(c -> {
            ImageRepository.load(c, imageId);
            Optional<MeasurementRecord> existing = select(c, "uid = ?", uid).stream().findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            String now = Timestamps.format(options.clock().instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO measurements(image_id, uid, kind,"
                    + " geometry_json, value_text, created_at, updated_at, changed_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, imageId);
                ps.setString(2, uid);
                ps.setString(3, kind);
                ps.setString(4, geometryJson);
                ps.setString(5, valueText);
                ps.setString(6, now);
                ps.setString(7, now);
                ps.setString(8, options.user());
                long id = Sql.insertReturningId(ps);
                return select(c, "id = ?", id).get(0);
            }
        });
    }

    /** Archives (removes) or restores the measurement {@code uid}; the trail keeps who and when. */
    public MeasurementRecord setArchived(String uid, boolean archived) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE measurements SET archived = ?, updated_at = ?, changed_by = ? WHERE uid = ?")) {
                ps.setBoolean(1, archived);
                ps.setString(2, Timestamps.format(options.clock().instant()));
                ps.setString(3, options.user());
                ps.setString(4, uid);
                if (ps.executeUpdate() != 1) {
                    throw new LogStoreException(Reason.NOT_FOUND, "No measurement " + uid + " in the patient log.");
                }
            }
            return select(c, "uid = ?", uid).get(0);
        });
    }

    /** An image's measurements, oldest first. */
    public List<MeasurementRecord> forImage(long imageId, boolean includeArchived) throws LogStoreException {
        return db.read(c -> forImage(c, imageId, includeArchived));
    }

    static List<MeasurementRecord> forImage(Connection c, long imageId, boolean includeArchived)
            throws SQLException {
        return select(c, "image_id = ?" + (includeArchived ? "" : " AND archived = 0"), imageId);
    }

    private static List<MeasurementRecord> select(Connection c, String where, Object key) throws SQLException {
        List<MeasurementRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM measurements WHERE " + where + " ORDER BY created_at, id")) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new MeasurementRecord(rs.getLong("id"), rs.getLong("image_id"), rs.getString("uid"),
                            rs.getString("kind"), rs.getString("geometry_json"), rs.getString("value_text"),
                            rs.getBoolean("archived"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                            rs.getString("changed_by")));
                }
            }
        }
        return result;
    }
}
