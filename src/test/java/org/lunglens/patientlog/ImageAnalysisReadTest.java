package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.LogStoreException.Reason;

class ImageAnalysisReadTest {
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
    void fingerprintIsTheSha256AndSizeOfTheBytes() throws Exception {
        Path image = dir.resolve("x.png");
        Files.writeString(image, "abc");

        assertThat(FileFingerprint.of(image)).isEqualTo(new FileFingerprint(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3));
    }

    @Test
    void sameBytesAreOneImageWhosePathFollowsTheFile() throws LogStoreException {
        ImageRecord first = log.images().register("/a/x.png", TestLogs.fingerprint(1), "PNG", null);
        ImageRecord again = log.images().register("/a/x.png", TestLogs.fingerprint(1), "PNG", null);
        ImageRecord moved = log.images().register("/b/x.png", TestLogs.fingerprint(1), "PNG",
                LocalDate.of(2020, 4, 1));

        assertThat(again).isEqualTo(first);
        assertThat(moved.id()).isEqualTo(first.id());
        assertThat(moved.path()).isEqualTo("/b/x.png");
        assertThat(moved.acquiredOn()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(log.images().findBySha256(TestLogs.fingerprint(1).sha256())).contains(moved);
    }

    @Test
    void imagesAttachToPatientsAndDetach() throws LogStoreException {
        Patient p = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        ImageRecord image = TestLogs.image(log, 1);

        assertThat(log.images().attachToPatient(image.id(), p.id()).patientId()).isEqualTo(p.id());
        assertThat(log.images().attachToPatient(image.id(), null).patientId()).isNull();
        assertThatThrownBy(() -> log.images().attachToPatient(image.id(), 12345L))
                .extracting(e -> ((LogStoreException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void analysisKeepsEveryClassProbabilityInOrderAndGradCamSettings() throws LogStoreException {
        ImageRecord image = TestLogs.image(log, 1);
        AnalysisRecord draft = AnalysisRecord.draft(image.id(), "covid-3class", "b".repeat(64),
                List.of(new ClassProbability("Normal", 0.1), new ClassProbability("COVID", 0.7),
                        new ClassProbability("Viral Pneumonia", 0.2)),
                "COVID", new GradCamInfo("COVID", Map.of("layer", "4", "colormap", "viridis", "alpha", "0.5")), 31);

        AnalysisRecord saved = log.analyses().add(draft);

        assertThat(saved.id()).isPositive();
        assertThat(saved.osUser()).isEqualTo(TestLogs.USER);
        assertThat(saved.createdAt()).isNotNull();
        assertThat(saved.probabilities()).isEqualTo(draft.probabilities());
        assertThat(saved.probability("COVID")).isEqualTo(0.7);
        assertThat(saved.gradCam()).isEqualTo(draft.gradCam());
        assertThat(saved).extracting(AnalysisRecord::modelName, AnalysisRecord::modelSha256,
                AnalysisRecord::predictedClass, AnalysisRecord::durationMillis)
                .containsExactly("covid-3class", "b".repeat(64), "COVID", 31L);
        assertThat(log.analyses().find(saved.id())).contains(saved);
    }

    @Test
    void analysisOfAnUnknownImageIsNotFoundAndLeavesNothingBehind() throws Exception {
        assertThatThrownBy(() -> log.analyses().add(TestLogs.analysisDraft(777, 0.9)))
                .extracting(e -> ((LogStoreException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            assertThat(st.executeQuery("SELECT count(*) FROM analysis_probabilities").getInt(1)).isZero();
        }
    }

    @Test
    void archivedAnalysesLeaveTheDefaultListButNotTheHistory() throws LogStoreException {
        ImageRecord image = TestLogs.image(log, 1);
        AnalysisRecord a1 = log.analyses().add(TestLogs.analysisDraft(image.id(), 0.9));
        AnalysisRecord a2 = log.analyses().add(TestLogs.analysisDraft(image.id(), 0.2));

        log.analyses().archive(a1.id());

        assertThat(log.analyses().forImage(image.id(), false)).extracting(AnalysisRecord::id)
                .containsExactly(a2.id());
        assertThat(log.history(image.id()).analyses()).extracting(AnalysisRecord::id, AnalysisRecord::archived)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a1.id(), true),
                        org.assertj.core.groups.Tuple.tuple(a2.id(), false));
    }

    @Test
    void readsRecordReaderAndWhetherTheAiWasShownAndCanBeCorrected() throws LogStoreException {
        ImageRecord image = TestLogs.image(log, 1);
        ReadRecord before = log.reads().add(ReadRecord.draft(image.id(), "Normal", 0.6, false, "clear lungs"));
        ReadRecord after = log.reads().add(ReadRecord.draft(image.id(), "COVID", 0.8, true, ""));

        ReadRecord corrected = log.reads().update(before.withAssessment("Viral Pneumonia", 0.55, "GGO left"));

        assertThat(before.reader()).isEqualTo(TestLogs.USER);
        assertThat(before.afterAi()).isFalse();
        assertThat(after.afterAi()).isTrue();
        assertThat(corrected).extracting(ReadRecord::finding, ReadRecord::confidence, ReadRecord::text,
                ReadRecord::afterAi).containsExactly("Viral Pneumonia", 0.55, "GGO left", false);
        assertThat(log.reads().archive(after.id()).archived()).isTrue();
        assertThat(log.reads().forImage(image.id(), false)).containsExactly(corrected);
        assertThatThrownBy(() -> ReadRecord.draft(image.id(), "x", 1.5, false, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyHasThePatientAnalysesAndReads() throws LogStoreException {
        Patient p = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        ImageRecord image = log.images().attachToPatient(TestLogs.image(log, 1).id(), p.id());
        AnalysisRecord a = log.analyses().add(TestLogs.analysisDraft(image.id(), 0.9));
        ReadRecord r = log.reads().add(ReadRecord.draft(image.id(), "COVID", 0.7, true, ""));

        ImageHistory history = log.history(image.id());

        assertThat(history.image()).isEqualTo(image);
        assertThat(history.patient()).isEqualTo(p);
        assertThat(history.analyses()).containsExactly(a);
        assertThat(history.reads()).containsExactly(r);
    }

    @Test
    void rowsCannotBeDeletedNorRecordedAnalysesChangedEvenWithRawSql() throws Exception {
        log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        ImageRecord image = TestLogs.image(log, 1);
        log.analyses().add(TestLogs.analysisDraft(image.id(), 0.9));
        log.reads().add(ReadRecord.draft(image.id(), "COVID", 0.7, true, ""));
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            for (String sql : List.of("DELETE FROM images", "DELETE FROM analyses", "DELETE FROM patients",
                    "DELETE FROM reads", "DELETE FROM analysis_probabilities",
                    "UPDATE analyses SET predicted_class = 'Normal'",
                    "UPDATE analysis_probabilities SET probability = 0", "UPDATE images SET sha256 = upper(sha256)",
                    "UPDATE reads SET after_ai = 0")) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("LungLens");
            }
        }
    }
}
