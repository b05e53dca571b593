package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Readers' own reads: add, correct (audited), archive, list per image. */
public final class ReadRepository {
    private static final String COLUMNS =
            "id, image_id, finding, confidence, after_ai, free_text, reader, archived, created_at, updated_at, source";

    private final LogDatabase db;
    private final LogOptions options;

    ReadRepository(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    public ReadRecord add(ReadRecord draft) throws LogStoreException {
        return db.write(c -> {
            ImageRepository.load(c, draft.imageId());
            String now = Timestamps.format(options.clock().instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reads(image_id, finding, confidence,"
                    + " after_ai, free_text, reader, created_at, updated_at, changed_by, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, draft.imageId());
                ps.setString(2, draft.finding());
                ps.setDouble(3, draft.confidence());
                ps.setBoolean(4, draft.afterAi());
                ps.setString(5, draft.text());
                ps.setString(6, draft.reader() == null || draft.reader().isBlank() ? options.user()
                        : draft.reader().strip());
                ps.setString(7, now);
                ps.setString(8, now);
                ps.setString(9, options.user());
                ps.setString(10, draft.source().stored());
                return load(c, Sql.insertReturningId(ps));
            }
        });
    }

    /** Saves a corrected finding, confidence and text; the audit trail keeps the earlier values. */
    public ReadRecord update(ReadRecord read) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reads SET finding = ?, confidence = ?,"
                    + " free_text = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setString(1, read.finding());
                ps.setDouble(2, read.confidence());
                ps.setString(3, read.text());
                ps.setString(4, Timestamps.format(options.clock().instant()));
                ps.setString(5, options.user());
                ps.setLong(6, read.id());
                PatientRepository.requireOne(ps.executeUpdate(), read.id());
            }
            return load(c, read.id());
        });
    }

    public ReadRecord archive(long id) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE reads SET archived = 1, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setString(1, Timestamps.format(options.clock().instant()));
                ps.setString(2, options.user());
                ps.setLong(3, id);
                PatientRepository.requireOne(ps.executeUpdate(), id);
            }
            return load(c, id);
        });
    }

    public Optional<ReadRecord> find(long id) throws LogStoreException {
        return db.read(c -> {
            List<ReadRecord> reads = select(c, "id = ?", id);
            return reads.isEmpty() ? Optional.empty() : Optional.of(reads.get(0));
        });
    }

    /** The images {@code reader} has read at work (reads from a quiz or an import excluded; archived ones too). */
    public Set<Long> imagesReadBy(String reader) throws LogStoreException {
        return db.read(c -> {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT image_id FROM reads WHERE reader = ?"
                    + " AND source = 'reader' AND archived = 0")) {
                ps.setString(1, reader);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Each image's reads (archived ones left out), oldest first, read in one transaction. */
    public Map<Long, List<ReadRecord>> forImages(Collection<Long> imageIds) throws LogStoreException {
        return db.read(c -> {
            Map<Long, List<ReadRecord>> reads = new HashMap<>();
            for (long id : imageIds) {
                reads.put(id, forImage(c, id, false));
            }
            return reads;
        });
    }

    /** An image's reads, oldest first. */
    public List<ReadRecord> forImage(long imageId, boolean includeArchived) throws LogStoreException {
        return db.read(c -> forImage(c, imageId, includeArchived));
    }

    static List<ReadRecord> forImage(Connection c, long imageId, boolean includeArchived) throws SQLException {
        return select(c, "image_id = ?" + (includeArchived ? "" : " AND archived = 0"), imageId);
    }

    private static ReadRecord load(Connection c, long id) throws SQLException, LogStoreException {
        List<ReadRecord> reads = select(c, "id = ?", id);
        if (reads.isEmpty()) {
            throw new LogStoreException(Reason.NOT_FOUND, "No read with id " + id + " in the patient log.");
        }
        return reads.get(0);
    }

    private static List<ReadRecord> select(Connection c, String where, long key) throws SQLException {
        List<ReadRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM reads WHERE " + where + " ORDER BY created_at, id")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ReadRecord(rs.getLong("id"), rs.getLong("image_id"), rs.getString("finding"),
                            rs.getDouble("confidence"), rs.getBoolean("after_ai"), rs.getString("free_text"),
                            rs.getString("reader"), rs.getBoolean("archived"), Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "updated_at"), ReadRecord.Source.ofStored(rs.getString("source"))));
                }
            }
        }
        return result;
    }
}
