package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.ClassProbability;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModel;

/** {@code classify --log --db FILE}: every result is logged; an unusable file stops the run with one line. */
class ClassifyLogTest {
    @TempDir
    static Path shared;
    private static Path model;
    private static Path images;

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void modelAndImages() throws Exception {
        model = TinyModel.write(shared.resolve("tiny.zip"));
        images = Files.createDirectories(shared.resolve("images"));
        for (String name : List.of("COVID-1.png", "Normal-1.png")) {
            Files.copy(SharedData.samples().resolve(name), images.resolve(name));
        }
    }

    private int classify(String... extra) {
        List<String> args = new ArrayList<>(List.of("classify", "--model", model.toString()));
        args.addAll(List.of(extra));
        args.add(images.toString());
        return LungLensCommand.run(args.toArray(String[]::new));
    }

    @Test
    void logsOneAnalysisPerImageWithModelHashProbabilitiesAndUser() throws Exception {
        Path db = dir.resolve("log.db");

        int code = classify("--log", "--db", db.toString());

        assertThat(code).isZero();
        assertThat(console.err()).contains("logged 2 analyses in " + db.toAbsolutePath());
        List<String> lines = console.out().lines().toList();
        assertThat(lines).hasSize(2);
        String modelSha = FileFingerprint.of(model).sha256();
        try (PatientLog log = PatientLog.open(db)) {
            List<LogRow> rows = log.search(LogQuery.all());
            assertThat(rows).hasSize(2);
            for (String line : lines) {
                String[] cells = line.split(",");
                Path file = Path.of(cells[0]);
                LogRow row = rows.stream().filter(r -> r.path().equals(file.toAbsolutePath().toString()))
                        .findFirst().orElseThrow();
                ImageHistory history = log.history(row.imageId());
                assertThat(history.image().sha256()).isEqualTo(FileFingerprint.of(file).sha256());
                assertThat(history.image().format()).isEqualTo("PNG");
                assertThat(history.analyses()).hasSize(1);
                AnalysisRecord a = history.analyses().get(0);
                assertThat(a.modelName()).isEqualTo(TinyModel.NAME);
                assertThat(a.modelSha256()).isEqualTo(modelSha);
                assertThat(a.predictedClass()).isEqualTo(cells[1]);
                assertThat(a.probabilities()).extracting(ClassProbability::className).isEqualTo(TinyModel.CLASSES);
                assertThat(a.probability("COVID")).isCloseTo(Double.parseDouble(cells[2]), within(1e-4));
                assertThat(a.probabilities().stream().mapToDouble(ClassProbability::probability).sum())
                        .isCloseTo(1, within(1e-4));
                assertThat(a.osUser()).isEqualTo(System.getProperty("user.name"));
                assertThat(a.durationMillis()).isNotNegative();
            }
        }
    }

    @Test
    void aSecondRunOfTheSameModelFindsTheSameImagesAndLogsNoSecondRow() throws Exception {
        Path db = dir.resolve("log.db");
        assertThat(classify("--log", "--db", db.toString())).isZero();
        // the same bytes under another path are the same image
        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.copy(images.resolve("COVID-1.png"), moved.resolve("renamed.png"));
        assertThat(LungLensCommand.run("classify", "--model", model.toString(), "--log", "--db", db.toString(),
                moved.resolve("renamed.png").toString())).isZero();

        try (PatientLog log = PatientLog.open(db)) {
            List<LogRow> rows = log.search(LogQuery.all());
            assertThat(rows).hasSize(2);
            LogRow covid = rows.stream().filter(r -> r.path().endsWith("renamed.png")).findFirst().orElseThrow();
            assertThat(log.history(covid.imageId()).analyses()).hasSize(1);
        }
    }

    @Test
    void theTopLevelDbOptionServesClassifyToo() throws Exception {
        Path db = dir.resolve("top.db");

        int code = LungLensCommand.run("--db", db.toString(), "classify", "--model", model.toString(), "--log",
                images.toString());

        assertThat(code).isZero();
        try (PatientLog log = PatientLog.open(db)) {
            assertThat(log.search(LogQuery.all())).hasSize(2);
        }
    }

    @Test
    void explainedRunsOfTheSameModelAreNotLoggedTwice() throws Exception {
        Path db = dir.resolve("explained.db");

        int gradCam = classify("--log", "--db", db.toString(), "--gradcam", dir.resolve("gc").toString());
        int occlusion = classify("--log", "--db", db.toString(), "--occlusion", dir.resolve("occ").toString(),
                "--patch", "32");

        assertThat(gradCam).isZero();
        assertThat(occlusion).isZero();
        assertThat(console.err()).contains("logged 2 analyses in " + db.toAbsolutePath())
                .contains("logged 0 analyses in " + db.toAbsolutePath() + " (2 more were in the log already");
        try (PatientLog log = PatientLog.open(db)) {
            List<LogRow> rows = log.search(LogQuery.all());
            assertThat(rows).hasSize(2);
            for (LogRow row : rows) {
                assertThat(log.history(row.imageId()).analyses()).as("the same model on the same film").hasSize(1);
            }
        }
    }

    @Test
    void withoutLogNothingIsWritten() {
        Path db = dir.resolve("unused.db");

        assertThat(classify("--db", db.toString())).isZero();

        assertThat(db).doesNotExist();
    }

    @Test
    void aCorruptLogFileStopsTheRunWithOneLineAndStaysUntouched() throws Exception {
        Path db = dir.resolve("damaged.db");
        byte[] garbage = "this is not a database, just some notes\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(db, garbage);

        int code = classify("--log", "--db", db.toString());

        assertThat(code).isNotZero();
        assertThat(console.out()).isEmpty();
        List<String> errLines = console.err().lines().toList();
        assertThat(errLines).hasSize(1);
        assertThat(errLines.get(0)).startsWith("lunglens: ").contains(db.toString()).doesNotContain("Exception");
        assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
        assertThat(dir.resolve("damaged.db-wal")).doesNotExist();
    }

    @Test
    void dbAloneOpensTheAppWithThatFile() {
        List<Path> launched = new ArrayList<>();

        int code = LungLensCommand.run(o -> launched.add(o.database()), "--db", "/tmp/some/log.db");

        assertThat(code).isZero();
        assertThat(launched).containsExactly(Path.of("/tmp/some/log.db"));
    }
}
