package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the log keeps for read-first: the setting (on for new logs, audited), whose reads open the gate, one row per run. */
class ReadFirstLogTest {
    @TempDir
    Path dir;

    @Test
    void aNewLogAsksForTheReadFirstAndAChangeIsAudited() throws Exception {
        try (PatientLog log = TestLogs.open(dir.resolve("new.db"))) {
            assertThat(log.settings().readFirst()).isTrue();
            log.settings().setReadFirst(false);
            assertThat(log.settings().readFirst()).isFalse();
            assertThat(log.audit().latest(1)).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo(TestLogs.USER);
                assertThat(e.oldValues()).contains("\"value\":\"1\"");
                assertThat(e.newValues()).contains("\"value\":\"0\"");
            });
        }
    }

    @Test
    void anUpgradedLogWithImagesKeepsWorkingAsBefore() throws Exception {
        Path file = dir.resolve("v4.db");
        try (PatientLog old = PatientLog.open(file, TestLogs.options(), new Migrator(Migrations.ALL.subList(0, 4)))) {
            TestLogs.image(old, 1);
        }
        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.settings().readFirst()).as("no change of practice on upgrade").isFalse();
        }
    }

    @Test
    void onlyThisReadersOwnReadsAtWorkOpenTheGate() throws Exception {
        try (PatientLog log = TestLogs.open(dir.resolve("log.db"))) {
            long a = TestLogs.image(log, 1).id();
            long b = TestLogs.image(log, 2).id();
            long c = TestLogs.image(log, 3).id();
            log.reads().add(ReadRecord.draft(a, "Normal", 0.7, false, "").by("Dr A"));
            log.reads().add(ReadRecord.draft(b, "COVID", 0.7, false, "").by("Dr B"));
            log.reads().add(ReadRecord.draft(c, "COVID", 0.7, false, "").by("Dr A").from(ReadRecord.Source.QUIZ));
            long archived = log.reads().add(ReadRecord.draft(b, "COVID", 0.7, false, "").by("Dr A")).id();
            log.reads().archive(archived);

            assertThat(log.reads().imagesReadBy("Dr A")).containsExactly(a);
            assertThat(log.reads().forImage(a, false)).singleElement()
                    .satisfies(r -> assertThat(r.reader()).isEqualTo("Dr A"));
            assertThat(log.reads().add(ReadRecord.draft(a, "Normal", 0.7, false, "")).reader())
                    .as("no name given: the OS user").isEqualTo(TestLogs.USER);
        }
    }

    @Test
    void theSameModelOnTheSameFilmIsLoggedOnce() throws Exception {
        try (PatientLog log = TestLogs.open(dir.resolve("log.db"))) {
            long image = TestLogs.image(log, 1).id();
            AnalysisRecord first = log.analyses().addOnce(TestLogs.analysisDraft(image, 0.8));
            AnalysisRecord again = log.analyses().addOnce(TestLogs.analysisDraft(image, 0.8));
            AnalysisRecord explained = log.analyses().addOnce(AnalysisRecord.draft(image, "covid-binary",
                    "a".repeat(64), List.of(new ClassProbability("COVID", 0.8), new ClassProbability("Normal", 0.2)),
                    "COVID", new GradCamInfo("COVID", Map.of()), 42));

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(explained.id()).as("another explanation is another run").isNotEqualTo(first.id());
            assertThat(log.analyses().forImage(image, false)).hasSize(2);
        }
    }
}
