package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.LogStoreException.Reason;

/** Careless --db paths get a message that says what is wrong, and leave nothing behind (issue 25, item 6). */
@Timeout(30)
class HostileLogPathTest {
    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedInsteadOfHangingForEver() throws Exception {
        Path fifo = dir.resolve("log.db");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        assertThatThrownBy(() -> PatientLog.open(fifo)).isInstanceOf(LogStoreException.class)
                .hasMessage("The patient log path " + fifo + " is not a regular file (a device, a pipe or a socket). "
                        + "Choose a file name instead.");
    }

    @Test
    void devNullIsRefusedWithAClearMessageNotCannotRollback() {
        assertThatThrownBy(() -> PatientLog.open(Path.of("/dev/null"))).isInstanceOf(LogStoreException.class)
                .hasMessageContaining("is not a regular file").hasMessageNotContaining("rollback");
    }

    @Test
    void aNewLogInAReadOnlyFolderSaysWhy() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("readonly"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path db = folder.resolve("new.db");
            assertThatThrownBy(() -> PatientLog.open(db)).isInstanceOf(LogStoreException.class)
                    .hasMessage("The patient log " + db + " cannot be created: the folder " + folder
                            + " is read-only. Choose a folder you can write to.")
                    .satisfies(e -> assertThat(((LogStoreException) e).reason()).isEqualTo(Reason.READ_ONLY));
            assertThat(db).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void refusingAWalModeFileLeavesNoWalOrShmBehind() throws Exception {
        Path file = dir.resolve("other.sqlite");
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE bookmarks(id INTEGER PRIMARY KEY, url TEXT)");
        }
        assertThat(dir.resolve("other.sqlite-wal")).doesNotExist();
        String before = TestLogs.sha256(file);

        assertThatThrownBy(() -> PatientLog.open(file)).isInstanceOf(LogStoreException.class)
                .satisfies(e -> assertThat(((LogStoreException) e).reason()).isEqualTo(Reason.FOREIGN_DATABASE));

        assertThat(TestLogs.sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("other.sqlite-wal")).doesNotExist();
        assertThat(dir.resolve("other.sqlite-shm")).doesNotExist();
    }

    @Test
    void anEmptyFileBecomesALogOwnerOnly() throws Exception {
        Path file = Files.createFile(dir.resolve("touched.db"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));

        try (PatientLog log = PatientLog.open(file)) {
            assertThat(log.schemaVersion()).isEqualTo(PatientLog.latestSchemaVersion());
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
