package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;

/** {@code lunglens reads import}: report labels become imported reads under their reader; bad rows are skipped. */
class ReadsImportTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void labelsByPathOrHashBecomeImportedReadsMadeWithoutTheAi() throws Exception {
        Path known = Files.copy(SharedData.samples().resolve("COVID-1.png"), dir.resolve("known.png"));
        Path fresh = Files.copy(SharedData.samples().resolve("Normal-1.png"), dir.resolve("fresh.png"));
        Files.writeString(dir.resolve("notes.txt"), "not a film");
        Path db = dir.resolve("log.db");
        long knownId;
        try (PatientLog log = PatientLog.open(db)) {
            knownId = new AnalysisRecorder().register(log, new AnalysedFilm(known, "PNG", null)).id();
        }
        String sha = FileFingerprint.of(known).sha256();
        Path labels = Files.writeString(dir.resolve("labels.csv"), String.join("\n",
                "image,finding,reader,confidence,note",
                sha.toUpperCase() + ",COVID,Dr A,0.9,\"report 12, PCR positive\"",
                "fresh.png,Normal,Dr B,,",
                "missing.png,Normal,Dr B,,",
                "notes.txt,Normal,Dr B,,",
                "fresh.png,Normal,Dr B,2,",
                "fresh.png,,Dr B,,") + "\n");

        int code = LungLensCommand.run("reads", "import", "--db", db.toString(), labels.toString());

        assertThat(code).as("some rows were skipped").isEqualTo(1);
        assertThat(console.out()).contains("imported 2 reads", "1 images newly registered");
        assertThat(console.err()).contains("line 4: missing.png is neither a file nor the SHA-256",
                "line 5:", "line 6: confidence must be a number from 0 to 1", "line 7: image, finding and reader");
        try (PatientLog log = PatientLog.open(db)) {
            ReadRecord a = log.history(knownId).reads().get(0);
            assertThat(a.finding()).isEqualTo("COVID");
            assertThat(a.reader()).isEqualTo("Dr A");
            assertThat(a.source()).isEqualTo(ReadRecord.Source.IMPORT);
            assertThat(a.afterAi()).isFalse();
            assertThat(a.confidence()).isEqualTo(0.9);
            assertThat(a.text()).isEqualTo("report 12, PCR positive");
            long freshId = log.images().findBySha256(FileFingerprint.of(fresh).sha256()).orElseThrow().id();
            assertThat(log.history(freshId).reads()).extracting(ReadRecord::reader, ReadRecord::confidence)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Dr B", 1.0));
        }
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedWhole() throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.csv"), "path,label\nx.png,COVID\n");

        assertThat(LungLensCommand.run("reads", "import", "--db", dir.resolve("log.db").toString(),
                labels.toString())).isEqualTo(2);
        assertThat(console.err()).contains("no column image, finding, reader");
        assertThat(List.of(dir.toFile().list())).doesNotContain("log.db");
    }
}
