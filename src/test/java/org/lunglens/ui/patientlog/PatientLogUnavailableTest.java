package org.lunglens.ui.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ClassScores;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.FxTestSupport;
import org.lunglens.ui.MainWindow;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.viewer.LoadState;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A damaged log file: the pane says so, the file keeps every byte, and the viewer works without the log. */
@ExtendWith(ApplicationExtension.class)
class PatientLogUnavailableTest {
    private static final int WAIT_SECONDS = 20;
    private static final byte[] DAMAGED = "SQLite format 3\0".concat("not really a database ".repeat(300))
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;
    private PatientLogFeature feature;
    private Path db;

    @Start
    void start(Stage stage) {
        db = dir.resolve("damaged.db");
        try {
            Files.write(db, DAMAGED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs));
        feature = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, db,
                new LogSettings(prefs.node("log")));
        FxTestSupport.show(stage, window, 1280, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        WaitForAsyncUtils.waitForAsyncFx(10_000, feature::close);
        work.shutdown();
        prefs.removeNode();
    }

    @Test
    void aDamagedFileIsReportedLeftUntouchedAndTheViewerCarriesOn(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.UNAVAILABLE);
        robot.clickOn("#tabPatientLog");

        String message = robot.lookup("#logMessage").queryLabeled().getText();
        assertThat(message).startsWith("The patient log is unavailable. ").contains(db.toString())
                .contains("keeps working without the log").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(robot.lookup("#logMessage").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#logNewPatient").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#logExport").queryButton().isDisabled()).isTrue();

        // the viewer still opens images, and an AI run is simply not logged
        Path sample = SharedData.samples().resolve("COVID-1.png");
        robot.interact(() -> window.open(List.of(sample)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().stateProperty().get() == LoadState.LOADED);
        AtomicReference<Optional<AnalysisRecord>> logged = new AtomicReference<>();
        robot.interact(() -> feature.aiRuns().record(window.model().image(), "m", sample,
                new ClassScores(List.of("COVID", "Normal"), new float[] {0.5f, 0.5f}), null, null, 1).thenAccept(logged::set));
        FxTestSupport.await(WAIT_SECONDS, () -> logged.get() != null);
        assertThat(logged.get()).isEmpty();
        assertThat(robot.lookup("#logRecordRead").queryButton().isDisabled()).isTrue();

        assertThat(Files.readAllBytes(db)).isEqualTo(DAMAGED);
        assertThat(dir.resolve("damaged.db-wal")).doesNotExist();
        assertThat(dir.resolve("damaged.db-journal")).doesNotExist();
    }
}
