package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.Mutations;

/**
 * Damaged copies of a real log (made here: patients, images, analyses, reads, the audit trail) through the opener:
 * each is either refused with a {@link LogStoreException}, or it passes the full integrity check and takes a new
 * row. No other exception escapes, and a file that fails the integrity check is never opened for writing (issue
 * 25, items 5 and 7).
 */
class LogOpenFuzzTest {
    private static final int TRIES = 300;

    private static Path dir;
    private static byte[] seed;

    @BeforeAll
    static void makeSeedLog() throws Exception {
        dir = Files.createTempDirectory("lunglens-logfuzz");
        Path db = dir.resolve("seed.db");
        try (PatientLog log = TestLogs.open(db)) {
            Patient p = log.patients().add(Patient.draft("P-1", "Ada Lovelace", null, Sex.FEMALE, "notes"));
            for (int i = 0; i < 40; i++) {
                ImageRecord image = TestLogs.image(log, i);
                log.images().attachToPatient(image.id(), p.id());
                log.analyses().add(TestLogs.analysisDraft(image.id(), (i % 10) / 10.0));
            }
        }
        seed = Files.readAllBytes(db);
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Test
    void damagedLogsAreRefusedOrSoundAndWritable() throws Exception {
        long base = Mutations.baseSeed();
        for (int i = 0; i < TRIES; i++) {
            tryOne(base + i);
        }
    }

    private void tryOne(long mutation) throws Exception {
        Path db = Files.write(dir.resolve("log-" + mutation + ".db"), Mutations.mutate(seed, mutation));
        List<String> problems;
        try {
            problems = LogIntegrity.check(db);
        } catch (LogStoreException e) {
            problems = List.of(e.getMessage());
        }
        try (PatientLog log = TestLogs.open(db)) {
            assertThat(problems).as("mutation seed %d: a log that fails integrity_check was opened for writing",
                    mutation).isEmpty();
            try {
                TestLogs.image(log, 1000);
            } catch (LogStoreException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        } catch (LogStoreException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\tat ");
        } catch (RuntimeException e) {
            fail("mutation seed " + mutation + " escaped the log's own errors: " + e, e);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(dir.resolve(db.getFileName() + suffix));
            }
        }
    }
}
