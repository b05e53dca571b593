package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile text in every text field and in every search is stored and found as plain data. */
class SqlInjectionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE patients; --", "\" OR \"1\"=\"1", "' OR '1'='1",
            "x'); DELETE FROM images; --",
            "Robert'); DROP TABLE reads;--", "%", "_", "\\", "' UNION SELECT sqlite_version(), 1, 1 --",
            "0x00\u0000after-nul", "ünïcødé 'quoted' \"double\" `back`", "/* comment */ ATTACH 'x' AS y"})
    void hostileTextStaysData(String evil) throws Exception {
        Path file = dir.resolve("log.db");
        try (PatientLog log = TestLogs.open(file)) {
            Patient bystander = log.patients().add(Patient.draft("plain", "Plain Name", null, Sex.MALE, ""));
            Patient p = log.patients().add(Patient.draft("id" + evil, "name" + evil, null, Sex.FEMALE, "n" + evil));
            ImageRecord image = log.images().attachToPatient(
                    log.images().register("/p/" + evil, TestLogs.fingerprint(1), "fmt" + evil, null).id(), p.id());
            AnalysisRecord a = log.analyses().add(AnalysisRecord.draft(image.id(), "model" + evil, "sha" + evil,
                    List.of(new ClassProbability("c" + evil, 0.6), new ClassProbability("other", 0.4)), "c" + evil,
                    new GradCamInfo("g" + evil, Map.of("k" + evil, "v" + evil)), 1));
            ReadRecord r = log.reads().add(ReadRecord.draft(image.id(), "f" + evil, 0.5, false, "t" + evil));

            assertThat(log.patients().find(p.id()).orElseThrow()).extracting(Patient::localId, Patient::name,
                    Patient::notes).containsExactly("id" + evil, "name" + evil, "n" + evil);
            assertThat(log.images().find(image.id()).orElseThrow()).extracting(ImageRecord::path,
                    ImageRecord::format).containsExactly("/p/" + evil, "fmt" + evil);
            assertThat(log.analyses().find(a.id()).orElseThrow()).isEqualTo(a)
                    .extracting(AnalysisRecord::modelName).isEqualTo("model" + evil);
            assertThat(a.gradCam().settings()).containsEntry("k" + evil, "v" + evil);
            assertThat(a.probabilities().get(0).className()).isEqualTo("c" + evil);
            assertThat(log.reads().find(r.id()).orElseThrow()).extracting(ReadRecord::finding, ReadRecord::text)
                    .containsExactly("f" + evil, "t" + evil);
            assertThat(log.patients().findByLocalId("id" + evil)).contains(p);

            assertThat(log.patients().search(PatientQuery.all().withText(evil))).containsExactly(p);
            assertThat(log.search(LogQuery.all().withText(evil))).extracting(LogRow::imageId)
                    .containsExactly(image.id());
            assertThat(log.search(LogQuery.all().withPredictedClass("c" + evil))).hasSize(1);
            assertThat(log.search(LogQuery.all().withMinProbability("c" + evil, 0.5))).hasSize(1);
            assertThat(log.patients().find(bystander.id())).isPresent();
        }
        assertThat(tables(file)).contains("patients", "images", "analyses", "analysis_probabilities", "reads",
                "audit_log", "schema_migrations");
    }

    private static List<String> tables(Path file) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
