package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durability across SIGKILL and concurrent writers, each in its own JVM as the app and the CLI would be. */
class TwoProcessTest {
    @TempDir
    Path dir;

    @Test
    void everyCommittedAnalysisSurvivesAKillDuringWrites() throws Exception {
        Path file = dir.resolve("log.db");
        Process writer = start(dir, file, 0, "killed-writer");
        List<Long> printed = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(150);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(
                () -> readCommitted(writer, printed, new CountDownLatch(1), enough));

        boolean reached = enough.await(40, TimeUnit.SECONDS);
        writer.destroyForcibly();
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.get(10, TimeUnit.SECONDS);

        assertThat(reached).as("the writer committed 150 analyses before the kill").isTrue();
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.integrityCheck()).isEqualTo("ok");
            assertThat(analysisIds(file)).containsAll(printed);
            assertThat(log.analyses().find(printed.get(printed.size() - 1))).get()
                    .extracting(a -> a.probabilities().size()).isEqualTo(2);
        }
    }

    @Test
    void twoWriterProcessesAndTheAppLoseNoRowAndNeverFailBusy() throws Exception {
        Path file = dir.resolve("fresh.db");
        int perWriter = 120;
        Process cli1 = start(dir, file, perWriter, "cli-1");
        Process cli2 = start(dir, file, perWriter, "cli-2");
        List<Long> printed = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch progress = new CountDownLatch(0);
        CompletableFuture<Void> out1 =
                CompletableFuture.runAsync(() -> readCommitted(cli1, printed, ready, progress));
        CompletableFuture<Void> out2 =
                CompletableFuture.runAsync(() -> readCommitted(cli2, printed, ready, progress));
        // Both other writers have opened the log and are about to write: from here all three write at once.
        assertThat(ready.await(30, TimeUnit.SECONDS)).as(() -> "both writers ready; their errors: "
                + errors(dir, "cli-1") + " / " + errors(dir, "cli-2")).isTrue();
        List<Long> appIds = new ArrayList<>();
        try (PatientLog app = PatientLog.open(file, TestLogs.options().withUser("app"))) {
            ImageRecord image = app.images().register("/shared/xray.png", TestLogs.fingerprint(0), "PNG", null);
            for (int i = 0; i < perWriter; i++) {
                appIds.add(app.analyses().add(TestLogs.analysisDraft(image.id(), 0.5)).id());
            }
        }

        assertThat(cli1.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli2.waitFor(60, TimeUnit.SECONDS)).isTrue();
        out1.get(10, TimeUnit.SECONDS);
        out2.get(10, TimeUnit.SECONDS);
        assertThat(cli1.exitValue()).as(errors(dir, "cli-1")).isZero();
        assertThat(cli2.exitValue()).as(errors(dir, "cli-2")).isZero();
        printed.addAll(appIds);
        assertThat(printed).hasSize(3 * perWriter).doesNotHaveDuplicates();
        assertThat(analysisIds(file)).containsExactlyInAnyOrderElementsOf(printed);
        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.integrityCheck()).isEqualTo("ok");
            assertThat(log.search(LogQuery.all())).hasSize(1);
        }
    }

    /** Starts a writer JVM; its stderr goes to NAME.err in {@code dir} for the failure message. */
    private static Process start(Path dir, Path file, int count, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LogWriterProcess.class.getName(), file.toString(),
                String.valueOf(count), name).redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private static String errors(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void readCommitted(Process process, List<Long> ids, CountDownLatch ready,
                                      CountDownLatch progress) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(LogWriterProcess.READY)) {
                    ready.countDown();
                } else if (line.startsWith(LogWriterProcess.COMMITTED)) {
                    ids.add(Long.parseLong(line.substring(LogWriterProcess.COMMITTED.length())));
                    progress.countDown();
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read so far is what counts.
        }
    }

    private static Set<Long> analysisIds(Path file) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM analyses")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
