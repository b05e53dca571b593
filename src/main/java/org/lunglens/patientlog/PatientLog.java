package org.lunglens.patientlog;

import java.nio.file.Path;
import java.util.List;

/**
 * The patient log: one SQLite file of patients, images, AI analyses, readers' reads, measurements and an append-only audit
 * trail. Open it with {@link #open(Path)}; use it from background threads (calls block on disk and on other
 * processes' transactions, and are serialised on one connection); close it when done.
 *
 * <p>A file that is locked, read-only, damaged, not SQLite, another program's database or from a newer LungLens
 * is refused with a {@link LogStoreException} whose reason says which, and is never written to or deleted. Two
 * processes (the app and the CLI) can write the same file at once.
 */
public final class PatientLog implements AutoCloseable {
    private final LogDatabase db;
    private final PatientRepository patients;
    private final ImageRepository images;
    private final AnalysisRepository analyses;
    private final ReadRepository reads;
    private final MeasurementRepository measurements;
    private final AuditTrail audit;
    private final SharedSettings settings;

    private PatientLog(LogDatabase db, LogOptions options) {
        this.db = db;
        this.patients = new PatientRepository(db, options);
        this.images = new ImageRepository(db, options);
        this.analyses = new AnalysisRepository(db, options);
        this.reads = new ReadRepository(db, options);
        this.measurements = new MeasurementRepository(db, options);
        this.audit = new AuditTrail(db);
        this.settings = new SharedSettings(db, options);
    }

    /** Opens (creating if missing, migrating if older) the log at {@code file}. */
    public static PatientLog open(Path file) throws LogStoreException {
        return open(file, LogOptions.defaults());
    }

    public static PatientLog open(Path file, LogOptions options) throws LogStoreException {
        return open(file, options, new Migrator(Migrations.ALL));
    }

    static PatientLog open(Path file, LogOptions options, Migrator migrator) throws LogStoreException {
        return new PatientLog(LogDatabase.open(file, options, migrator), options);
    }

    /** The newest schema version this LungLens knows. */
    public static int latestSchemaVersion() {
        return Migrations.LATEST;
    }

    public Path file() {
        return db.file();
    }

    public int schemaVersion() {
        return db.schemaVersion();
    }

    public PatientRepository patients() {
        return patients;
    }

    public ImageRepository images() {
        return images;
    }

    public AnalysisRepository analyses() {
        return analyses;
    }

    public ReadRepository reads() {
        return reads;
    }

    public MeasurementRepository measurements() {
        return measurements;
    }

    /** Settings kept in the log file, the same for every reader of it. */
    public SharedSettings settings() {
        return settings;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The log table: one row per image with its patient, latest analysis and latest read. */
    public List<LogRow> search(LogQuery query) throws LogStoreException {
        return db.read(c -> LogSearch.run(c, query));
    }

    /**
     * Every image's first read made without the AI beside each model's latest analysis of it (no quiz reads, nothing
     * archived): what a site's agreement figures count.
     */
    public List<ReadPair> readPairs() throws LogStoreException {
        return db.read(ReadPairs::all);
    }

    /** An image with its patient and all its analyses and reads, from one consistent snapshot. */
    public ImageHistory history(long imageId) throws LogStoreException {
        return db.read(c -> {
            ImageRecord image = ImageRepository.load(c, imageId);
            Patient patient = image.patientId() == null ? null : PatientRepository.load(c, image.patientId());
            return new ImageHistory(image, patient, AnalysisRepository.forImage(c, imageId, true),
                    ReadRepository.forImage(c, imageId, true), MeasurementRepository.forImage(c, imageId, true));
        });
    }

    /** {@code PRAGMA integrity_check}'s verdict: "ok" for a healthy file. */
    public String integrityCheck() throws LogStoreException {
        return db.integrityCheck();
    }

    @Override
    public void close() {
        db.close();
    }
}
