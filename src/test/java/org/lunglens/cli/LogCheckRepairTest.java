package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;

/**
 * A log whose UNIQUE index on images is damaged passed the old quick_check and was written to (a second image row
 * with the same SHA-256). It is refused now; {@code log check} names the damage and {@code log repair} writes a
 * clean copy beside it (issue 25, item 5).
 */
class LogCheckRepairTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aDamagedIndexIsRefusedCheckedAndRepairedIntoACleanCopy() throws Exception {
        Path db = dir.resolve("patients.db");
        List<Path> films;
        try (Stream<Path> s = Files.list(SharedData.samples())) {
            films = s.sorted().limit(8).toList();
        }
        try (PatientLog log = PatientLog.open(db)) {
            for (Path film : films) {
                log.images().registerFile(film, "PNG", null);
            }
        }
        String sha = FileFingerprint.of(films.get(3)).sha256();
        damageIndexEntry(db, "sqlite_autoindex_images_1", sha);
        assertThat(pragma(db, "quick_check")).isEqualTo("ok");
        byte[] damaged = Files.readAllBytes(db);

        assertThatThrownBy(() -> PatientLog.open(db)).isInstanceOf(LogStoreException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("lunglens log repair --db " + db)
                .satisfies(e -> assertThat(((LogStoreException) e).reason()).isEqualTo(LogStoreException.Reason.CORRUPT));
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);

        assertThat(LungLensCommand.run("log", "check", "--db", db.toString())).isEqualTo(1);
        assertThat(console.out()).startsWith("damaged: " + db).contains("sqlite_autoindex_images_1");

        assertThat(LungLensCommand.run("log", "repair", "--db", db.toString())).isZero();
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
        Path copy;
        try (Stream<Path> s = Files.list(dir)) {
            copy = s.filter(p -> p.getFileName().toString().matches("patients\\.db\\.recovered-\\d{8}-\\d{6}\\.db"))
                    .findFirst().orElseThrow();
        }
        assertThat(console.out()).contains("images: 8 rows").contains("recovered copy: " + copy);
        assertThat(LungLensCommand.run("log", "check", "--db", copy.toString())).isZero();
        assertThat(console.out()).contains("ok: " + copy);
        try (PatientLog log = PatientLog.open(copy)) {
            assertThat(log.search(LogQuery.all())).hasSize(8);
            assertThat(log.images().findBySha256(sha)).isPresent();
            assertThat(log.audit()).isNotNull();
            // The recovered log takes new rows, and its rebuilt UNIQUE index refuses the same bytes twice.
            assertThat(log.images().registerFile(films.get(3), "PNG", null).sha256()).isEqualTo(sha);
            assertThat(log.search(LogQuery.all())).hasSize(8);
        }
    }

    @Test
    void checkOfASoundLogSaysOk() throws Exception {
        Path db = dir.resolve("sound.db");
        PatientLog.open(db).close();

        assertThat(LungLensCommand.run("log", "check", "--db", db.toString())).isZero();
        assertThat(console.out()).isEqualTo("ok: " + db + System.lineSeparator());
    }

    /** Changes the last hex digit of {@code sha} where the index's page holds it: the table row stays intact. */
    private static void damageIndexEntry(Path db, String index, String sha) throws Exception {
        long root;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + index + "'")) {
                root = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                pageSize = rs.getInt(1);
            }
        }
        byte[] bytes = Files.readAllBytes(db);
        int start = (int) ((root - 1) * pageSize);
        String page = new String(bytes, start, pageSize, StandardCharsets.ISO_8859_1);
        int at = page.indexOf(sha);
        assertThat(at).as("the index page holds the key").isNotNegative();
        int last = start + at + 63;
        bytes[last] = (byte) (bytes[last] == 'f' ? 'e' : bytes[last] == '9' ? 'a' : bytes[last] + 1);
        Files.write(db, bytes);
    }

    private static String pragma(Path db, String pragma) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.getString(1);
        }
    }
}
