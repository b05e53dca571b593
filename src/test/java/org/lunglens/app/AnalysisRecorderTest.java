package org.lunglens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
import org.lunglens.model.ModelFile;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.testutil.SharedData;

class AnalysisRecorderTest {
    @TempDir
    Path dir;

    @Test
    void theSameFilmUnderTwoPathsIsOneImageAndTheSameRunIsLoggedOnce() throws Exception {
        Path film = Files.copy(SharedData.samples().resolve("COVID-1.png"), dir.resolve("a.png"));
        Path copy = Files.copy(film, dir.resolve("copy of a.png"));
        Path model = Files.writeString(dir.resolve("model.zip"), "weights");
        ClassScores scores = new ClassScores(List.of("COVID", "non-COVID"), new float[] {0.3f, 0.7f});
        AnalysisRecorder recorder = new AnalysisRecorder();

        try (PatientLog log = PatientLog.open(dir.resolve("log.db"))) {
            AnalysisRecord first = recorder.record(log, new AnalysedFilm(film, "PNG", null), "m", model, scores,
                    null, null, 12);
            AnalysisRecord second = recorder.record(log, new AnalysedFilm(copy, "PNG", LocalDate.of(2020, 3, 1)),
                    "m", model, scores, Familiarity.of(0.4), null, 9);

            assertThat(second.imageId()).isEqualTo(first.imageId());
            assertThat(second.id()).as("the same model file on the same film: one row").isEqualTo(first.id());
            assertThat(log.history(first.imageId()).analyses()).hasSize(1);
            Path retrained = Files.writeString(dir.resolve("retrained.zip"), "other weights");
            AnalysisRecord third = recorder.record(log, new AnalysedFilm(copy, "PNG", null), "m", retrained,
                    scores, Familiarity.of(0.4), null, 9);
            assertThat(third.id()).as("another model file is another run").isNotEqualTo(first.id());
            assertThat(first.predictedClass()).isEqualTo("non-COVID");
            assertThat(first.probability("COVID")).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(first.modelSha256()).isEqualTo(ModelFile.sha256(model));
            assertThat(first.familiarity()).as("a model without the check").isNull();
            assertThat(third.familiarity()).isEqualTo(new AnalysisRecord.FamiliarityFlag(false, 0.4));
        }
    }

    @Test
    void aFlaggedFilmIsLoggedAsUnfamiliarAndTheTableSaysSo() throws Exception {
        Path film = Files.copy(SharedData.samples().resolve("COVID-1.png"), dir.resolve("a.png"));
        Path model = Files.writeString(dir.resolve("model.zip"), "weights");
        ClassScores scores = new ClassScores(List.of("COVID", "non-COVID"), new float[] {0.97f, 0.03f});

        try (PatientLog log = PatientLog.open(dir.resolve("log.db"))) {
            AnalysisRecord flagged = new AnalysisRecorder().record(log, new AnalysedFilm(film, "PNG", null), "m",
                    model, scores, Familiarity.of(Double.POSITIVE_INFINITY), null, 5);

            AnalysisRecord stored = log.history(flagged.imageId()).analyses().get(0);
            assertThat(stored.unfamiliar()).isTrue();
            assertThat(stored.familiarity().unfamiliarity()).as("a blank film's infinite score, kept finite")
                    .isEqualTo(1e6);
            assertThat(log.search(LogQuery.all())).singleElement()
                    .satisfies(row -> assertThat(row.unfamiliar()).isTrue());
        }
    }
}
