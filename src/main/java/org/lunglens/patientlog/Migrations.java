package org.lunglens.patientlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema as an ordered list of migrations. {@code PRAGMA user_version} holds the applied version and
 * {@code PRAGMA application_id} marks the file as a LungLens log, so a SQLite file from another program is
 * recognised and left alone.
 */
final class Migrations {
    /** "LLOG" in ASCII. */
    static final int APPLICATION_ID = 0x4C4C4F47;

    private static final List<String> ROW_META = List.of("archived", "created_at", "updated_at", "changed_by");

    static final List<Migration> ALL = List.of(v1(), v2(), v3(), v4(), v5(), v6());
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    private static Migration v1() {
        List<String> sql = new ArrayList<>(List.of("""
                CREATE TABLE schema_migrations (
                    version     INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at  TEXT NOT NULL,
                    applied_by  TEXT NOT NULL)""", """
                CREATE TABLE audit_log (
                    id          INTEGER PRIMARY KEY,
                    at          TEXT NOT NULL,
                    actor       TEXT NOT NULL,
                    table_name  TEXT NOT NULL,
                    row_id      INTEGER NOT NULL,
                    action      TEXT NOT NULL CHECK (action IN ('INSERT', 'UPDATE')),
                    old_values  TEXT,
                    new_values  TEXT NOT NULL)""",
                "CREATE INDEX audit_log_row ON audit_log(table_name, row_id)",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                        + " BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                        + " BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END", """
                CREATE TABLE patients (
                    id          INTEGER PRIMARY KEY,
                    local_id    TEXT NOT NULL UNIQUE CHECK (length(trim(local_id)) > 0),
                    name        TEXT NOT NULL,
                    birth       TEXT CHECK (birth IS NULL OR birth GLOB '[0-9][0-9][0-9][0-9]'
                                    OR birth GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    sex         TEXT NOT NULL CHECK (sex IN ('F', 'M', 'O', 'U')),
                    notes       TEXT NOT NULL,
                    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    created_at  TEXT NOT NULL,
                    updated_at  TEXT NOT NULL,
                    changed_by  TEXT NOT NULL)""", """
                CREATE TABLE images (
                    id          INTEGER PRIMARY KEY,
                    patient_id  INTEGER REFERENCES patients(id),
                    path        TEXT NOT NULL,
                    sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
                    format      TEXT NOT NULL,
                    acquired_on TEXT CHECK (acquired_on IS NULL OR date(acquired_on) = acquired_on),
                    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    created_at  TEXT NOT NULL,
                    updated_at  TEXT NOT NULL,
                    changed_by  TEXT NOT NULL)""",
                "CREATE INDEX images_patient ON images(patient_id)", """
                CREATE TABLE analyses (
                    id                 INTEGER PRIMARY KEY,
                    image_id           INTEGER NOT NULL REFERENCES images(id),
                    model_name         TEXT NOT NULL,
                    model_sha256       TEXT NOT NULL,
                    probabilities_json TEXT NOT NULL CHECK (json_valid(probabilities_json)),
                    predicted_class    TEXT NOT NULL,
                    gradcam_class      TEXT,
                    gradcam_settings   TEXT CHECK (gradcam_settings IS NULL OR json_valid(gradcam_settings)),
                    duration_ms        INTEGER NOT NULL CHECK (duration_ms >= 0),
                    os_user            TEXT NOT NULL,
                    archived           INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    created_at         TEXT NOT NULL,
                    updated_at         TEXT NOT NULL,
                    changed_by         TEXT NOT NULL)""",
                "CREATE INDEX analyses_image ON analyses(image_id)", """
                CREATE TABLE reads (
                    id          INTEGER PRIMARY KEY,
                    image_id    INTEGER NOT NULL REFERENCES images(id),
                    finding     TEXT NOT NULL,
                    confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                    after_ai    INTEGER NOT NULL CHECK (after_ai IN (0, 1)),
                    free_text   TEXT NOT NULL,
                    reader      TEXT NOT NULL,
                    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    created_at  TEXT NOT NULL,
                    updated_at  TEXT NOT NULL,
                    changed_by  TEXT NOT NULL)""",
                "CREATE INDEX reads_image ON reads(image_id)"));
        sql.addAll(AuditTriggers.create("patients",
                cols(List.of("id", "local_id", "name", "birth", "sex", "notes")), List.of("id", "created_at")));
        sql.addAll(AuditTriggers.create("images",
                cols(List.of("id", "patient_id", "path", "sha256", "size_bytes", "format", "acquired_on")),
                List.of("id", "sha256", "size_bytes", "created_at")));
        sql.addAll(AuditTriggers.create("analyses", cols(v1AnalysisColumns()), v1AnalysisColumns()));
        sql.addAll(AuditTriggers.create("reads",
                cols(List.of("id", "image_id", "finding", "confidence", "after_ai", "free_text", "reader")),
                List.of("id", "image_id", "after_ai", "reader", "created_at")));
        return new Migration(1, "patients, images, analyses (probabilities as JSON), reads, audit trail", sql);
    }

    /** Per-class probabilities move from a JSON column into their own table, so they can be filtered on. */
    private static Migration v2() {
        List<String> sql = new ArrayList<>(List.of("""
                CREATE TABLE analysis_probabilities (
                    analysis_id INTEGER NOT NULL REFERENCES analyses(id),
                    class_index INTEGER NOT NULL CHECK (class_index >= 0),
                    class_name  TEXT NOT NULL,
                    probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
                    PRIMARY KEY (analysis_id, class_index),
                    UNIQUE (analysis_id, class_name)) WITHOUT ROWID""",
                "CREATE INDEX analysis_probabilities_class ON analysis_probabilities(class_name, probability)"));
        // The copy is a change of layout, not of data (the trail already holds each analysis's JSON): it is
        // recorded in schema_migrations, and the audit triggers start after it.
        sql.add("""
                INSERT INTO analysis_probabilities(analysis_id, class_index, class_name, probability)
                SELECT a.id, CAST(p.key AS INTEGER), json_extract(p.value, '$.class'), json_extract(p.value, '$.p')
                FROM analyses a, json_each(a.probabilities_json) p ORDER BY a.id, p.key""");
        sql.addAll(AuditTriggers.create("analysis_probabilities",
                List.of("analysis_id", "class_index", "class_name", "probability"),
                List.of("analysis_id", "class_index", "class_name", "probability"), "NEW.analysis_id",
                "(SELECT changed_by FROM analyses WHERE id = NEW.analysis_id)"));
        sql.addAll(AuditTriggers.drop("analyses"));
        sql.add("ALTER TABLE analyses DROP COLUMN probabilities_json");
        List<String> columns = new ArrayList<>(v1AnalysisColumns());
        columns.remove("probabilities_json");
        sql.addAll(AuditTriggers.create("analyses", cols(columns), columns));
        return new Migration(2, "per-class probabilities in their own table", sql);
    }

    /**
     * Whether the model's familiarity check flagged the film (the reading is not reliable there) and its score, so
     * the log never shows a flagged reading as if it were sound. NULL for runs logged before, or by a model
     * without the check. Both are immutable like the rest of an analysis.
     */
    private static Migration v3() {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE analyses ADD COLUMN unfamiliar INTEGER CHECK (unfamiliar IN (0, 1))");
        sql.add("ALTER TABLE analyses ADD COLUMN unfamiliarity REAL CHECK (unfamiliarity >= 0)");
        sql.addAll(AuditTriggers.drop("analyses"));
        List<String> columns = new ArrayList<>(v1AnalysisColumns());
        columns.remove("probabilities_json");
        columns.addAll(List.of("unfamiliar", "unfamiliarity"));
        sql.addAll(AuditTriggers.create("analyses", cols(columns), columns));
        return new Migration(3, "the familiarity check's flag and score with each analysis", sql);
    }

    /**
     * Where a read came from: a reader at work ("reader"), a teaching quiz ("quiz": kept out of the patient views'
     * figures), or labels brought in from reports ("import"). Earlier reads were a reader's or a quiz's; nothing
     * told them apart, so they stay "reader".
     */
    private static Migration v4() {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE reads ADD COLUMN source TEXT NOT NULL DEFAULT 'reader'"
                + " CHECK (source IN ('reader', 'quiz', 'import'))");
        sql.addAll(AuditTriggers.drop("reads"));
        sql.addAll(AuditTriggers.create("reads",
                cols(List.of("id", "image_id", "finding", "confidence", "after_ai", "free_text", "reader", "source")),
                List.of("id", "image_id", "after_ai", "reader", "created_at", "source")));
        return new Migration(4, "where each read came from: reader, quiz or import", sql);
    }

    /**
     * Settings that belong to the log itself, the same for every reader of the file. "read_first" (the AI stays
     * hidden for an image until the reader has recorded a read of it) is on for a log created now and off for a log
     * that already holds images, so that upgrading does not change how a department has been working. A change is
     * audited (who, when, old and new value): whether reads were blinded matters when the figures are read.
     */
    private static Migration v5() {
        List<String> sql = new ArrayList<>();
        sql.add("""
                CREATE TABLE log_settings (
                    id         INTEGER PRIMARY KEY,
                    key        TEXT NOT NULL UNIQUE,
                    value      TEXT NOT NULL,
                    changed_by TEXT NOT NULL)""");
        sql.add("INSERT INTO log_settings(key, value, changed_by) VALUES ('read_first',"
                + " CASE WHEN EXISTS (SELECT 1 FROM images) THEN '0' ELSE '1' END, 'lunglens')");
        // The trail records changes from here on; the starting value is in schema_migrations' version 5
        sql.addAll(AuditTriggers.create("log_settings", List.of("id", "key", "value", "changed_by"),
                List.of("id", "key")));
        return new Migration(5, "settings kept in the log: read first", sql);
    }

    /**
     * Measurements and annotations drawn on a film (ruler, angle, regions, cardiothoracic ratio, arrow, text): the
     * geometry in image pixels as JSON and the value as the viewer showed it. A measurement never changes once drawn;
     * removing it archives it (undo restores it), and the trail keeps both.
     */
    private static Migration v6() {
        List<String> sql = new ArrayList<>();
        sql.add("""
                CREATE TABLE measurements (
                    id            INTEGER PRIMARY KEY,
                    image_id      INTEGER NOT NULL REFERENCES images(id),
                    uid           TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
                    kind          TEXT NOT NULL
                                      CHECK (kind IN ('ruler', 'angle', 'rectangle', 'ellipse', 'ctr', 'arrow', 'text')),
                    geometry_json TEXT NOT NULL CHECK (json_valid(geometry_json)),
                    value_text    TEXT NOT NULL,
                    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    created_at    TEXT NOT NULL,
                    updated_at    TEXT NOT NULL,
                    changed_by    TEXT NOT NULL)""");
        sql.add("CREATE INDEX measurements_image ON measurements(image_id)");
        List<String> own = List.of("id", "image_id", "uid", "kind", "geometry_json", "value_text", "created_at");
        sql.addAll(AuditTriggers.create("measurements", cols(own), own));
        return new Migration(6, "measurements and annotations per image", sql);
    }

    private static List<String> v1AnalysisColumns() {
        return List.of("id", "image_id", "model_name", "model_sha256", "probabilities_json", "predicted_class",
                "gradcam_class", "gradcam_settings", "duration_ms", "os_user", "created_at");
    }

    private static List<String> cols(List<String> own) {
        List<String> all = new ArrayList<>(own);
        ROW_META.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }
}
