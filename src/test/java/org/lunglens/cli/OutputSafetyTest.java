package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModel;

/** Output options never replace an input, the log, or a file LungLens did not write (issue 25, item 1). */
class OutputSafetyTest {
    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path a;
    private Path b;

    @BeforeAll
    static void tinyModel() throws Exception {
        model = TinyModel.write(shared.resolve("tiny.zip"));
    }

    @org.junit.jupiter.api.BeforeEach
    void twoFilms() throws Exception {
        a = Files.copy(SharedData.samples().resolve("COVID-1.png"), dir.resolve("a.png"));
        b = Files.copy(SharedData.samples().resolve("Normal-1.png"), dir.resolve("b.png"));
    }

    private int classify(String... args) {
        List<String> all = new ArrayList<>(List.of("classify", "--model", model.toString()));
        all.addAll(List.of(args));
        return LungLensCommand.run(all.toArray(String[]::new));
    }

    @Test
    void aForgottenCsvNameLeavesTheFirstFilmByteIdentical() throws Exception {
        byte[] before = Files.readAllBytes(a);

        int code = classify("--csv", a.toString(), b.toString());

        assertThat(code).isEqualTo(2);
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        assertThat(console.out()).isEmpty();
        assertThat(console.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("lunglens: --csv " + a).contains("never overwritten").doesNotContain("Exception");
    }

    @Test
    void forceNeverReplacesAnImageEvenAnInput() throws Exception {
        byte[] before = Files.readAllBytes(a);

        assertThat(classify("--force", "--csv", a.toString(), a.toString(), b.toString())).isEqualTo(2);
        assertThat(classify("--force", "--csv", a.toString(), b.toString())).isEqualTo(2);

        assertThat(Files.readAllBytes(a)).isEqualTo(before);
    }

    @Test
    void aCsvNamedLikeTheLogLeavesTheLogIntact() throws Exception {
        Path db = dir.resolve("L.db");
        assertThat(classify("--log", "--db", db.toString(), b.toString())).isZero();
        byte[] before = Files.readAllBytes(db);

        int code = classify("--log", "--db", db.toString(), "--csv", db.toString(), a.toString());
        int forced = classify("--force", "--log", "--db", db.toString(), "--csv", db.toString(), a.toString());

        assertThat(code).isEqualTo(2);
        assertThat(forced).isEqualTo(2);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (PatientLog log = PatientLog.open(db)) {
            assertThat(log.search(LogQuery.all())).hasSize(1);
        }
    }

    @Test
    void aCsvNamedLikeANewLogIsRefusedBeforeTheLogIsCreated() {
        Path db = dir.resolve("new.db");

        assertThat(classify("--log", "--db", db.toString(), "--csv", db.toString(), a.toString())).isEqualTo(2);

        assertThat(db).doesNotExist();
    }

    @Test
    void anUnrelatedFileNeedsForceAndItsOwnCsvIsReplacedOwnerOnly() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes\n");

        assertThat(classify("--csv", notes.toString(), a.toString())).isEqualTo(2);
        assertThat(notes).hasContent("my notes");
        assertThat(console.err()).contains("add --force");

        assertThat(classify("--force", "--csv", notes.toString(), a.toString())).isZero();
        assertThat(Files.readAllLines(notes).get(0)).startsWith("path,predicted,");

        Path csv = dir.resolve("out.csv");
        assertThat(classify("--csv", csv.toString(), a.toString())).isZero();
        assertThat(classify("--csv", csv.toString(), a.toString(), b.toString())).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
    }

    @Test
    void anExportFolderThatIsAFilmIsRefused() throws Exception {
        byte[] before = Files.readAllBytes(a);

        assertThat(classify("--gradcam", a.toString(), b.toString())).isEqualTo(2);
        assertThat(classify("--occlusion", a.toString(), b.toString())).isEqualTo(2);

        assertThat(Files.readAllBytes(a)).isEqualTo(before);
    }

    @Test
    void gradCamPngsAreOwnerOnlyAndNeverOverAnExistingFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("gc"));
        Path existing = Files.writeString(out.resolve("a-gradcam.png"), "not ours", StandardCharsets.UTF_8);

        assertThat(classify("--gradcam", out.toString(), a.toString())).isZero();

        assertThat(existing).hasContent("not ours");
        Path written = out.resolve("a-gradcam-2.png");
        assertThat(written).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
    }

    @Test
    void aFileNameThatLooksLikeAFormulaIsNeutralised() {
        String line = ClassifyCommand.format(Path.of("=cmd|calc!A0.png"), List.of("COVID", "Normal"),
                new float[] {0.9f, 0.1f}, null, null);

        assertThat(line).startsWith("'=cmd|calc!A0.png,COVID,");
    }
}
