package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.model.ClassScores;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Familiarity;
import org.lunglens.model.ModelFile;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.testutil.ConsoleCapture;

/** {@code lunglens agreement} on a log of hand-made reads, its figures worked out by hand. */
class AgreementCommandTest {
    private static final List<String> BINARY = List.of("COVID", "non-COVID");
    private static final List<String> THREE = List.of("COVID", "Normal", "Viral_Pneumonia");

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path db;
    private Path modelFile;
    private final AnalysisRecorder recorder = new AnalysisRecorder();

    @BeforeEach
    void log() throws Exception {
        db = dir.resolve("log.db");
        modelFile = Files.writeString(dir.resolve("m.zip"), "weights");
        try (PatientLog log = PatientLog.open(db)) {
            // reader COVID, AI COVID: agree
            long img1 = film(log, 1, "m", BINARY, 0.9f, null);
            read(log, img1, "COVID", false, ReadRecord.Source.READER);
            // reader COVID (the first read without the AI; a later one says Normal), AI non-COVID: missed
            long img2 = film(log, 2, "m", BINARY, 0.2f, null);
            read(log, img2, "COVID", false, ReadRecord.Source.READER);
            read(log, img2, "Normal", false, ReadRecord.Source.READER);
            // reader Normal; the model's first analysis said COVID, its retrained version's non-COVID: agree
            long img3 = film(log, 3, "m", BINARY, 0.8f, null);
            analyse(log, img3, "m", weights("m, retrained"), BINARY, 0.1f, null);
            read(log, img3, "Normal", false, ReadRecord.Source.READER);
            // reader Normal, AI COVID on a film it flagged unfamiliar: disagree
            long img4 = film(log, 4, "m", BINARY, 0.95f, Familiarity.of(3));
            read(log, img4, "Normal", false, ReadRecord.Source.READER);
            // reader viral pneumonia (non-COVID for a binary model), AI non-COVID: agree; from a report's labels
            long img5 = film(log, 5, "m", BINARY, 0.3f, null);
            read(log, img5, "Viral Pneumonia", false, ReadRecord.Source.IMPORT);
            // left out: a read made after seeing the AI, and a quiz read
            long img6 = film(log, 6, "m", BINARY, 0.9f, null);
            read(log, img6, "Normal", true, ReadRecord.Source.READER);
            long img7 = film(log, 7, "m", BINARY, 0.9f, null);
            read(log, img7, "Normal", false, ReadRecord.Source.QUIZ);
            // a 3-class model on film 1 (agree) and on a film read "Other", which it has no class for
            analyse(log, img1, "m3", weights("m3"), THREE, 0.7f, null);
            long img8 = film(log, 8, "m3", THREE, 0.7f, null);
            read(log, img8, "Other", false, ReadRecord.Source.READER);
        }
    }

    @Test
    void countsEachImagesFirstReadWithoutTheAiAgainstTheLatestAnalysis() throws Exception {
        Path json = dir.resolve("agreement.json");

        assertThat(LungLensCommand.run("agreement", "--db", db.toString(), "--json", json.toString())).isZero();

        JsonNode groups = ModelFile.json().readTree(json.toFile());
        assertThat(groups).hasSize(2);
        JsonNode m = groups.get(0);
        assertThat(m.get("model").asText()).isEqualTo("m");
        assertThat(m.get("reads").asLong()).isEqualTo(5);
        assertThat(m.get("confusion").toString()).isEqualTo("[[1,1],[1,2]]");
        assertThat(m.get("agreement").asDouble()).isEqualTo(3 / 5.0);
        assertThat(m.get("sensitivity").asDouble()).isEqualTo(1 / 2.0);
        assertThat(m.get("specificity").asDouble()).isEqualTo(2 / 3.0);
        assertThat(m.get("sensitivityInterval").get(0).asDouble())
                .isEqualTo(ConfidenceInterval.wilson(1, 2).lower());
        assertThat(m.get("flaggedUnfamiliar").asInt()).isEqualTo(1);
        JsonNode m3 = groups.get(1);
        assertThat(m3.get("model").asText()).isEqualTo("m3");
        assertThat(m3.get("reads").asLong()).isEqualTo(1);
        assertThat(m3.get("notComparable").asInt()).isEqualTo(1);
        assertThat(m3.has("sensitivity")).as("a 3-class model has no COVID-vs-rest figures here").isFalse();
        assertThat(console.out()).contains("m, all: 5 reads compared; 1 of them flagged unfamiliar",
                "agreement 0.600", "sensitivity against the readers 0.500", "specificity 0.667");
    }

    @Test
    void oneModelAndAMissingLog() {
        assertThat(LungLensCommand.run("agreement", "--db", db.toString(), "--model", "m3", "--period", "month"))
                .isZero();
        assertThat(console.out()).contains("m3, 20").doesNotContain("m, ");
        assertThat(LungLensCommand.run("agreement", "--db", dir.resolve("none.db").toString())).isEqualTo(2);
        assertThat(console.err()).contains("no patient log at");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    private long film(PatientLog log, int n, String model, List<String> classes, float pCovid, Familiarity f)
            throws Exception {
        Path file = Files.writeString(dir.resolve("film-" + n + ".png"), "film " + n);
        long id = recorder.register(log, new AnalysedFilm(file, "PNG", null)).id();
        analyse(log, id, model, weights(model), classes, pCovid, f);
        return id;
    }

    /** A model file per model (the log logs one run per film and model file). */
    private Path weights(String model) throws Exception {
        return Files.writeString(dir.resolve(model + ".zip"), "weights of " + model);
    }

    private void analyse(PatientLog log, long imageId, String model, Path modelFile, List<String> classes,
                         float pCovid, Familiarity f) throws Exception {
        float[] p = new float[classes.size()];
        p[0] = pCovid;
        p[1] = 1 - pCovid;
        Path file = Path.of(log.images().find(imageId).orElseThrow().path());
        recorder.record(log, new AnalysedFilm(file, "PNG", null), model, modelFile, new ClassScores(classes, p), f,
                null, 10);
    }

    private static void read(PatientLog log, long imageId, String finding, boolean afterAi, ReadRecord.Source source)
            throws Exception {
        log.reads().add(ReadRecord.draft(imageId, finding, 0.8, afterAi, "").from(source));
    }
}
