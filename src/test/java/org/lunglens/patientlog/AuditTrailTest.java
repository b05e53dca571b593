package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path file;
    PatientLog log;

    @BeforeEach
    void open() throws LogStoreException {
        file = dir.resolve("log.db");
        log = TestLogs.open(file);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void everyPatientChangeIsRecordedWithOldAndNewValuesAndActor() throws Exception {
        Patient p = log.patients().add(Patient.draft("P-1", "Before", null, Sex.FEMALE, ""));
        log.patients().update(p.withName("After"));
        log.patients().archive(p.id());
        log.patients().restore(p.id());

        List<AuditEntry> trail = log.audit().forRow("patients", p.id());

        assertThat(trail).extracting(AuditEntry::action).containsExactly("INSERT", "UPDATE", "UPDATE", "UPDATE");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(TestLogs.USER);
            assertThat(e.at()).isNotNull();
        });
        assertThat(trail.get(0).oldValues()).isNull();
        assertThat(json(trail.get(0).newValues()).get("name").asText()).isEqualTo("Before");
        assertThat(json(trail.get(1).oldValues()).get("name").asText()).isEqualTo("Before");
        assertThat(json(trail.get(1).newValues()).get("name").asText()).isEqualTo("After");
        assertThat(json(trail.get(2).newValues()).get("archived").asInt()).isEqualTo(1);
        assertThat(json(trail.get(3).newValues()).get("archived").asInt()).isZero();
    }

    @Test
    void imageAnalysisProbabilityAndReadChangesAreRecorded() throws Exception {
        ImageRecord image = TestLogs.image(log, 1);
        log.images().register("/moved.png", TestLogs.fingerprint(1), "PNG", null);
        AnalysisRecord a = log.analyses().add(TestLogs.analysisDraft(image.id(), 0.9));
        log.analyses().archive(a.id());
        ReadRecord r = log.reads().add(ReadRecord.draft(image.id(), "COVID", 0.7, true, ""));
        log.reads().update(r.withAssessment("Normal", 0.6, "changed my mind"));

        assertThat(log.audit().forRow("images", image.id())).extracting(AuditEntry::action)
                .containsExactly("INSERT", "UPDATE");
        assertThat(json(log.audit().forRow("images", image.id()).get(1).newValues()).get("path").asText())
                .isEqualTo("/moved.png");
        assertThat(log.audit().forRow("analyses", a.id())).extracting(AuditEntry::action)
                .containsExactly("INSERT", "UPDATE");
        assertThat(log.audit().forRow("analysis_probabilities", a.id())).hasSize(2)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(TestLogs.USER));
        List<AuditEntry> reads = log.audit().forRow("reads", r.id());
        assertThat(json(reads.get(1).oldValues()).get("finding").asText()).isEqualTo("COVID");
        assertThat(json(reads.get(1).newValues()).get("free_text").asText()).isEqualTo("changed my mind");
        assertThat(log.audit().latest(1).get(0).table()).isEqualTo("reads");
    }

    @Test
    void theActorIsTheUserOfTheOpeningProcess() throws Exception {
        Patient p = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        try (PatientLog other = PatientLog.open(file, TestLogs.options().withUser("second reader"))) {
            other.patients().update(p.withNotes("seen"));
        }

        assertThat(log.audit().forRow("patients", p.id())).extracting(AuditEntry::actor)
                .containsExactly(TestLogs.USER, "second reader");
    }

    @Test
    void theTrailIsAppendOnlyEvenWithRawSql() throws Exception {
        log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE audit_log SET actor = 'mallory'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(log.audit().latest(10)).hasSize(1).first().extracting(AuditEntry::actor)
                .isEqualTo(TestLogs.USER);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
