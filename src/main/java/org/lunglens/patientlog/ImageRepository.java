package org.lunglens.patientlog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Images: register (by content hash), link to a patient, archive, find. */
public final class ImageRepository {
    static final String COLUMNS = "id, patient_id, path, sha256, size_bytes, format, acquired_on, archived,"
            + " created_at, updated_at";

    private final LogDatabase db;
    private final LogOptions options;

    ImageRepository(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    /**
     * The log's record of an image file: a new one, or the existing one for the same bytes (its path updated
     * when the file was seen elsewhere; its acquisition date filled when newly known).
     */
    public ImageRecord register(String path, FileFingerprint fingerprint, String format, LocalDate acquiredOn)
            throws LogStoreException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        return db.write(c -> {
            ImageRecord existing = select(c, "sha256 = ?", fingerprint.sha256());
            if (existing == null) {
                return insert(c, path, fingerprint, format, acquiredOn);
            }
            LocalDate date = existing.acquiredOn() != null ? existing.acquiredOn() : acquiredOn;
            if (existing.path().equals(path) && Objects.equals(existing.acquiredOn(), date)) {
                return existing;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE images SET path = ?, acquired_on = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setString(1, path);
                ps.setString(2, Sql.date(date));
                ps.setString(3, Timestamps.format(options.clock().instant()));
                ps.setString(4, options.user());
                ps.setLong(5, existing.id());
                ps.executeUpdate();
            }
            return load(c, existing.id());
        });
    }

    /**
     * Registers an image file by the SHA-256 of its current bytes, under its absolute path. The file is read
     * before the write transaction starts, so other writers are not held up by disk reads.
     */
    public ImageRecord registerFile(Path file, String format, LocalDate acquiredOn)
            throws IOException, LogStoreException {
        FileFingerprint fingerprint = FileFingerprint.of(file);
        return register(file.toAbsolutePath().normalize().toString(), fingerprint, format, acquiredOn);
    }

    /** Links an image to a patient, or unlinks it when {@code patientId} is null. */
    public ImageRecord attachToPatient(long imageId, Long patientId) throws LogStoreException {
        return db.write(c -> {
            if (patientId != null) {
                PatientRepository.load(c, patientId);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE images SET patient_id = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                Sql.setNullableLong(ps, 1, patientId);
                ps.setString(2, Timestamps.format(options.clock().instant()));
                ps.setString(3, options.user());
                ps.setLong(4, imageId);
                PatientRepository.requireOne(ps.executeUpdate(), imageId);
            }
            return load(c, imageId);
        });
    }

    public ImageRecord archive(long id) throws LogStoreException {
        return setArchived(id, true);
    }

    public ImageRecord restore(long id) throws LogStoreException {
        return setArchived(id, false);
    }

    public Optional<ImageRecord> find(long id) throws LogStoreException {
        return db.read(c -> Optional.ofNullable(select(c, "id = ?", id)));
    }

    public Optional<ImageRecord> findBySha256(String sha256) throws LogStoreException {
        return db.read(c -> Optional.ofNullable(select(c, "sha256 = ?", sha256)));
    }

    private ImageRecord insert(Connection c, String path, FileFingerprint fingerprint, String format,
                               LocalDate acquiredOn) throws SQLException, LogStoreException {
        String now = Timestamps.format(options.clock().instant());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO images(path, sha256, size_bytes, format,"
                + " acquired_on, created_at, updated_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, path);
            ps.setString(2, fingerprint.sha256());
            ps.setLong(3, fingerprint.sizeBytes());
            ps.setString(4, format);
            ps.setString(5, Sql.date(acquiredOn));
            ps.setString(6, now);
            ps.setString(7, now);
            ps.setString(8, options.user());
            return load(c, Sql.insertReturningId(ps));
        }
    }

    private ImageRecord setArchived(long id, boolean archived) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE images SET archived = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setBoolean(1, archived);
                ps.setString(2, Timestamps.format(options.clock().instant()));
                ps.setString(3, options.user());
                ps.setLong(4, id);
                PatientRepository.requireOne(ps.executeUpdate(), id);
            }
            return load(c, id);
        });
    }

    static ImageRecord load(Connection c, long id) throws SQLException, LogStoreException {
        ImageRecord image = select(c, "id = ?", id);
        if (image == null) {
            throw new LogStoreException(Reason.NOT_FOUND, "No image with id " + id + " in the patient log.");
        }
        return image;
    }

    private static ImageRecord select(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM images WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    static ImageRecord map(ResultSet rs) throws SQLException {
        return new ImageRecord(rs.getLong("id"), Sql.nullableLong(rs, "patient_id"), rs.getString("path"),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("format"),
                Sql.date(rs.getString("acquired_on")), rs.getBoolean("archived"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
