package org.lunglens.patientlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Patients: add, edit, archive, restore, find and search. Nothing is ever deleted. */
public final class PatientRepository {
    private static final String COLUMNS =
            "id, local_id, name, birth, sex, notes, archived, created_at, updated_at";

    private final LogDatabase db;
    private final LogOptions options;

    PatientRepository(LogDatabase db, LogOptions options) {
        this.db = db;
        this.options = options;
    }

    /** Saves a new patient; a local ID already in the log (archived or not) is a {@link Reason#CONFLICT}. */
    public Patient add(Patient draft) throws LogStoreException {
        return db.write(c -> {
            requireUniqueLocalId(c, draft.localId(), 0);
            String now = Timestamps.format(options.clock().instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO patients(local_id, name, birth, sex, notes,"
                    + " created_at, updated_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, draft.localId());
                ps.setString(2, draft.name());
                ps.setString(3, draft.birth());
                ps.setString(4, draft.sex().code());
                ps.setString(5, draft.notes());
                ps.setString(6, now);
                ps.setString(7, now);
                ps.setString(8, options.user());
                return load(c, Sql.insertReturningId(ps));
            }
        });
    }

    /** Saves new details (local ID, name, birth, sex, notes) of a stored patient. */
    public Patient update(Patient patient) throws LogStoreException {
        return db.write(c -> {
            requireUniqueLocalId(c, patient.localId(), patient.id());
            try (PreparedStatement ps = c.prepareStatement("UPDATE patients SET local_id = ?, name = ?, birth = ?,"
                    + " sex = ?, notes = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setString(1, patient.localId());
                ps.setString(2, patient.name());
                ps.setString(3, patient.birth());
                ps.setString(4, patient.sex().code());
                ps.setString(5, patient.notes());
                ps.setString(6, Timestamps.format(options.clock().instant()));
                ps.setString(7, options.user());
                ps.setLong(8, patient.id());
                requireOne(ps.executeUpdate(), patient.id());
            }
            return load(c, patient.id());
        });
    }

    public Patient archive(long id) throws LogStoreException {
        return setArchived(id, true);
    }

    public Patient restore(long id) throws LogStoreException {
        return setArchived(id, false);
    }

    public Optional<Patient> find(long id) throws LogStoreException {
        return db.read(c -> Optional.ofNullable(select(c, "SELECT " + COLUMNS + " FROM patients WHERE id = ?",
                ps -> ps.setLong(1, id))));
    }

    public Optional<Patient> findByLocalId(String localId) throws LogStoreException {
        return db.read(c -> Optional.ofNullable(select(c,
                "SELECT " + COLUMNS + " FROM patients WHERE local_id = ?", ps -> ps.setString(1, localId))));
    }

    public List<Patient> search(PatientQuery query) throws LogStoreException {
        String sql = "SELECT " + COLUMNS + " FROM patients WHERE (? = '' OR local_id LIKE ? ESCAPE '\\'"
                + " OR name LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\') AND (? IS NULL OR sex = ?)"
                + " AND (? OR archived = 0) ORDER BY " + query.sortBy().sql() + " " + query.order().sql()
                + ", id LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                String pattern = Sql.containsPattern(query.text());
                ps.setString(1, query.text());
                ps.setString(2, pattern);
                ps.setString(3, pattern);
                ps.setString(4, pattern);
                String sex = query.sex() == null ? null : query.sex().code();
                ps.setString(5, sex);
                ps.setString(6, sex);
                ps.setBoolean(7, query.includeArchived());
                ps.setInt(8, query.limit());
                List<Patient> patients = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patients.add(map(rs));
                    }
                }
                return patients;
            }
        });
    }

    private Patient setArchived(long id, boolean archived) throws LogStoreException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE patients SET archived = ?, updated_at = ?, changed_by = ? WHERE id = ?")) {
                ps.setBoolean(1, archived);
                ps.setString(2, Timestamps.format(options.clock().instant()));
                ps.setString(3, options.user());
                ps.setLong(4, id);
                requireOne(ps.executeUpdate(), id);
            }
            return load(c, id);
        });
    }

    private static void requireUniqueLocalId(Connection c, String localId, long ownId)
            throws SQLException, LogStoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patients WHERE local_id = ? AND id <> ?")) {
            ps.setString(1, localId);
            ps.setLong(2, ownId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new LogStoreException(Reason.CONFLICT,
                            "A patient with local ID '" + localId + "' is already in the log (perhaps archived).");
                }
            }
        }
    }

    static void requireOne(int updated, long id) throws LogStoreException {
        if (updated != 1) {
            throw new LogStoreException(Reason.NOT_FOUND, "No record with id " + id + " in the patient log.");
        }
    }

    static Patient load(Connection c, long id) throws SQLException, LogStoreException {
        Patient patient = select(c, "SELECT " + COLUMNS + " FROM patients WHERE id = ?", ps -> ps.setLong(1, id));
        if (patient == null) {
            throw new LogStoreException(Reason.NOT_FOUND, "No patient with id " + id + " in the patient log.");
        }
        return patient;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Patient select(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    private static Patient map(ResultSet rs) throws SQLException {
        return new Patient(rs.getLong("id"), rs.getString("local_id"), rs.getString("name"), rs.getString("birth"),
                Sex.fromCode(rs.getString("sex")), rs.getString("notes"), rs.getBoolean("archived"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
