package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Files that are not a usable LungLens log are refused with a specific reason and left byte for byte as they were. */
class UnusableFileTest {
    @TempDir
    Path dir;

    static Stream<Arguments> notSqlite() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0};
        return Stream.of(Arguments.of("text", "patient list\nP-1,Ada\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("png", png), Arguments.of("zeros", new byte[4096]),
                Arguments.of("short header", "SQLite form".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSqlite")
    void aNonSqliteFileIsRefusedUntouched(String kind, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("notes.db"), content);

        assertRefused(file, Reason.NOT_A_DATABASE, "not a database");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(dir.resolve("notes.db-wal")).doesNotExist();
    }

    static Stream<Arguments> foreignSqlite() {
        return Stream.of(
                Arguments.of("browser history", "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)", 0),
                Arguments.of("other app id", "CREATE TABLE t(x)", 0x0F055112),
                Arguments.of("only a user_version", "PRAGMA user_version = 3", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignSqlite")
    void anotherProgramsSqliteFileIsRefusedUntouched(String kind, String sql, int applicationId) throws Exception {
        Path file = dir.resolve("other.sqlite");
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            st.execute(sql);
            st.execute("PRAGMA application_id = " + applicationId);
        }
        String before = TestLogs.sha256(file);

        assertRefused(file, Reason.FOREIGN_DATABASE, "another program");
        assertThat(TestLogs.sha256(file)).isEqualTo(before);
    }

    @Test
    void aLogFromANewerLungLensIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("log.db");
        try (PatientLog log = TestLogs.open(file)) {
            log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        }
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        String before = TestLogs.sha256(file);

        assertRefused(file, Reason.NEWER_VERSION, "newer LungLens (schema version 99; this version knows up to "
                + Migrations.LATEST + ")");
        assertThat(TestLogs.sha256(file)).isEqualTo(before);
    }

    @Test
    void aDamagedPageIsReportedAsCorruptAndLeftForRecovery() throws Exception {
        Path file = filledLog();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0xA5);
            raf.seek(4096);
            raf.write(garbage);
        }
        String before = TestLogs.sha256(file);

        assertRefused(file, Reason.CORRUPT, "damaged");
        assertThat(TestLogs.sha256(file)).isEqualTo(before);
    }

    @Test
    void aTruncatedLogIsReportedAsCorrupt() throws Exception {
        Path file = filledLog();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3 * 4096 + 100);
        }
        String before = TestLogs.sha256(file);

        assertRefused(file, Reason.CORRUPT, "damaged");
        assertThat(TestLogs.sha256(file)).isEqualTo(before);
    }

    @Test
    void aReadOnlyFileIsRefusedUntouched() throws Exception {
        Path file = filledLog();
        String before = TestLogs.sha256(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        try {
            assertRefused(file, Reason.READ_ONLY, "read-only");
            assertThat(TestLogs.sha256(file)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aFolderIsRefused() {
        assertRefused(dir, Reason.CANNOT_OPEN, "is a folder");
    }

    @Test
    void aFileLockedByAnotherProgramIsReportedAsInUse() throws Exception {
        Path file = filledLog();
        try (Connection holder = TestLogs.raw(file); Statement st = holder.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("UPDATE patients SET notes = 'held'");

            assertRefused(file, Reason.IN_USE, "locked by another program");
            st.execute("ROLLBACK");
        }
        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.patients().findByLocalId("P-1").orElseThrow().notes()).isEmpty();
        }
    }

    @Test
    void aWriteWhileAnotherProgramHoldsTheWriteLockIsReportedAsInUse() throws Exception {
        Path file = dir.resolve("log.db");
        try (PatientLog log = PatientLog.open(file, TestLogs.options().withBusyTimeout(Duration.ofMillis(300)));
             Connection holder = TestLogs.raw(file); Statement st = holder.createStatement()) {
            st.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> log.patients().add(Patient.draft("P-9", "B", null, Sex.MALE, "")))
                    .isInstanceOf(LogStoreException.class)
                    .satisfies(e -> assertThat(((LogStoreException) e).reason()).isEqualTo(Reason.IN_USE));
            st.execute("ROLLBACK");
            assertThat(log.patients().add(Patient.draft("P-9", "B", null, Sex.MALE, "")).id()).isPositive();
        }
    }

    private Path filledLog() throws LogStoreException {
        Path file = dir.resolve("log.db");
        try (PatientLog log = TestLogs.open(file)) {
            Patient p = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
            for (int i = 0; i < 40; i++) {
                ImageRecord image = log.images().attachToPatient(TestLogs.image(log, i).id(), p.id());
                log.analyses().add(TestLogs.analysisDraft(image.id(), i / 40.0));
            }
        }
        return file;
    }

    private static void assertRefused(Path file, Reason reason, String message) {
        ThrowingCallable open = () -> PatientLog.open(file,
                TestLogs.options().withBusyTimeout(Duration.ofMillis(300))).close();
        assertThatThrownBy(open).isInstanceOf(LogStoreException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((LogStoreException) e).reason()).isEqualTo(reason));
    }
}
