package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileBecomesALogAtTheLatestVersion() throws Exception {
        Path file = dir.resolve("sub/folder/log.db");

        try (LogDatabase db = LogDatabase.open(file, TestLogs.options(), new Migrator(Migrations.ALL))) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.LATEST).isEqualTo(PatientLog.latestSchemaVersion());
            String journal = db.read(c -> text(c, "PRAGMA journal_mode"));
            String foreignKeys = db.read(c -> text(c, "PRAGMA foreign_keys"));
            String synchronous = db.read(c -> text(c, "PRAGMA synchronous"));
            String applicationId = db.read(c -> text(c, "PRAGMA application_id"));
            assertThat(journal).isEqualTo("wal");
            assertThat(foreignKeys).isEqualTo("1");
            assertThat(synchronous).isEqualTo("2");
            assertThat(applicationId).isEqualTo(String.valueOf(Migrations.APPLICATION_ID));
        }
        assertThat(appliedVersions(file)).containsExactlyElementsOf(allVersions());
    }

    @Test
    void anEmptyFileIsInitialised() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));

        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.schemaVersion()).isEqualTo(Migrations.LATEST);
        }
    }

    static IntStream earlierVersions() {
        return IntStream.range(0, Migrations.LATEST);
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("earlierVersions")
    void everyEarlierVersionMigratesToTheLatestAndWorks(int version) throws Exception {
        Path file = dir.resolve("old.db");
        try (PatientLog old = PatientLog.open(file, TestLogs.options(),
                new Migrator(Migrations.ALL.subList(0, version)))) {
            assertThat(old.schemaVersion()).isEqualTo(version);
        }

        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.schemaVersion()).isEqualTo(Migrations.LATEST);
            ImageRecord image = TestLogs.image(log, 1);
            AnalysisRecord a = log.analyses().add(TestLogs.analysisDraft(image.id(), 0.8));
            assertThat(log.analyses().find(a.id())).contains(a);
            assertThat(log.audit().forRow("analyses", a.id())).hasSize(1);
            assertThat(log.integrityCheck()).isEqualTo("ok");
        }
        assertThat(appliedVersions(file)).containsExactlyElementsOf(allVersions());
    }

    @Test
    void version1ProbabilitiesMoveIntoTheirOwnTableAndTheTrailIsKept() throws Exception {
        Path file = dir.resolve("v1.db");
        PatientLog.open(file, TestLogs.options(), new Migrator(Migrations.ALL.subList(0, 1))).close();
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO images(path, sha256, size_bytes, format, created_at, updated_at, changed_by)"
                    + " VALUES ('/a.png', '" + "c".repeat(64) + "', 10, 'PNG', 't', 't', 'v1 user')");
            st.execute("INSERT INTO analyses(image_id, model_name, model_sha256, probabilities_json,"
                    + " predicted_class, duration_ms, os_user, created_at, updated_at, changed_by) VALUES (1, 'm',"
                    + " 's', '[{\"class\":\"Normal\",\"p\":0.25},{\"class\":\"COVID\",\"p\":0.75}]', 'COVID', 5,"
                    + " 'v1 user', '2024-01-01T00:00:00.000Z', 't', 'v1 user')");
        }

        try (PatientLog log = TestLogs.open(file)) {
            AnalysisRecord migrated = log.analyses().find(1).orElseThrow();
            assertThat(migrated.probabilities()).containsExactly(new ClassProbability("Normal", 0.25),
                    new ClassProbability("COVID", 0.75));
            assertThat(migrated.osUser()).isEqualTo("v1 user");
            assertThat(log.search(LogQuery.all().withMinProbability("COVID", 0.7))).hasSize(1);
            assertThat(log.audit().forRow("analyses", 1)).singleElement()
                    .satisfies(e -> assertThat(e.newValues()).contains("probabilities_json"));
        }
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pragma_table_info('analyses')"
                     + " WHERE name = 'probabilities_json'")) {
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void reopeningAnUpToDateLogAppliesNothing() throws Exception {
        Path file = dir.resolve("log.db");
        TestLogs.open(file).close();
        List<String> before = migrationRows(file);

        TestLogs.open(file).close();

        assertThat(migrationRows(file)).isEqualTo(before).hasSize(Migrations.LATEST);
    }

    private static List<Integer> allVersions() {
        return Migrations.ALL.stream().map(Migration::version).toList();
    }

    private static List<Integer> appliedVersions(Path file) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static List<String> migrationRows(Path file) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version || description || applied_at FROM schema_migrations")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getString(1);
        }
    }
}
