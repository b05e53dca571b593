package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log preferences (file override, automatic AI logging), drafts from raw model scores, file registration. */
class LogSettingsAndScoresTest {
    private final Preferences node = Preferences.userRoot().node("org/lunglens/test-" + System.nanoTime());
    private final LogSettings settings = new LogSettings(node);

    @TempDir
    Path dir;

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void commandLineBeatsPreferenceBeatsDefault() {
        assertThat(settings.databaseFile()).isNull();
        assertThat(settings.resolve(null)).isEqualTo(DatabaseLocation.defaultFile());

        settings.setDatabaseFile(dir.resolve("chosen.db"));
        assertThat(settings.resolve(null)).isEqualTo(dir.resolve("chosen.db"));
        assertThat(settings.resolve(Path.of("/elsewhere/cli.db"))).isEqualTo(Path.of("/elsewhere/cli.db"));

        settings.setDatabaseFile(null);
        assertThat(settings.resolve(null)).isEqualTo(DatabaseLocation.defaultFile());
    }

    @Test
    void aiRunsAreLoggedUnlessTurnedOff() {
        assertThat(settings.logAiRuns()).isTrue();
        settings.setLogAiRuns(false);
        assertThat(new LogSettings(node).logAiRuns()).isFalse();
    }

    @Test
    void aDraftFromScoresKeepsOrderAndTheCalledClassAndClampsRounding() {
        AnalysisRecord a = AnalysisRecord.fromScores(3, "m", "b".repeat(64), List.of("COVID", "Normal", "Other"),
                new float[] {0.2f, 1.0000001f, 0f}, "Normal", null, 7);

        assertThat(a.predictedClass()).isEqualTo("Normal");
        assertThat(a.probabilities()).extracting(ClassProbability::className).containsExactly("COVID", "Normal", "Other");
        assertThat(a.probability("Normal")).isEqualTo(1.0);
        assertThat(a.imageId()).isEqualTo(3);
        assertThatThrownBy(() -> AnalysisRecord.fromScores(3, "m", "b".repeat(64), List.of("A"), new float[2], "A",
                null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalysisRecord.fromScores(3, "m", "b".repeat(64), List.of("A"), new float[1], "B",
                null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registeringAFileUsesItsAbsolutePathAndContentHash() throws Exception {
        Path file = Files.write(dir.resolve("x.png"), new byte[] {1, 2, 3});
        try (PatientLog log = TestLogs.open(dir.resolve("log.db"))) {
            ImageRecord image = log.images().registerFile(file, "PNG", null);
            assertThat(image.path()).isEqualTo(file.toAbsolutePath().normalize().toString());
            assertThat(image.sha256()).isEqualTo(FileFingerprint.of(file).sha256());
            assertThat(image.sizeBytes()).isEqualTo(3);
        }
    }
}
