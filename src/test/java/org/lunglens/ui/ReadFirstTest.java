package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.CsvExport;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.patientlog.PatientLogService;
import org.lunglens.ui.patientlog.PatientLogTestAccess;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Read first, in the real main window with the bundled default model and a real log file: no AI reading anywhere
 * before the reader's read is recorded, the read recorded as made before the AI, then the AI shown and a second
 * read recorded as made after it; reopening the film does not log the same run again; the export keeps both reads.
 */
@ExtendWith(ApplicationExtension.class)
class ReadFirstTest {
    private static final int WAIT_SECONDS = 60;
    private static final Path COVID = SharedData.samples().resolve("COVID-1.png");
    private static final Path NORMAL = SharedData.samples().resolve("Normal-1.png");

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-readfirst-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;
    private PatientLogFeature feature;
    private Path csv;

    @Start
    void start(Stage stage) {
        csv = dir.resolve("export.csv");
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        LogSettings settings = new LogSettings(prefs.node("log"));
        settings.setReaderName("Dr Read");
        feature = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, dir.resolve("log.db"),
                settings, new PatientLogService(), PatientLogTestAccess.dialogs(csv));
        AiRunRecording.connect(window, feature.pane(), feature.aiRuns(), true);
        FxTestSupport.show(stage, window, 1280, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException, InterruptedException {
        WaitForAsyncUtils.waitForAsyncFx(10_000, feature::close);
        work.shutdown();
        // an AI result already on its way still reads the preferences when it lands
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        prefs.removeNode();
    }

    @Test
    void noAiBeforeTheReadThenBeforeAndAfterReadsAreRecordedAsTheyHappened(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY
                && feature.pane().aiHiddenProperty() != null);
        open(robot, COVID);
        selectTab(robot, "AI");
        FxTestSupport.await(WAIT_SECONDS, () -> feature.pane().aiHiddenProperty().get());
        // Give a run that might have started every chance to arrive: nothing may be shown
        Thread.sleep(3000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.aiPane().analysisProperty().get()).as("no AI reading before the read").isNull();
        assertThat(robot.lookup("#aiStatus").queryLabeled().getText()).startsWith("Read first");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#probabilityBars").tryQuery().map(n -> n.isVisible() && hasText(n)).orElse(false))
                .isFalse();

        // The first read: the dialog says it is made before the AI, and nothing had to be ticked
        selectTab(robot, "Patient log");
        robot.clickOn("#logRecordRead");
        assertThat(robot.lookup("#readTiming").queryLabeled().getText()).startsWith("Before seeing the AI");
        robot.clickOn("#readFinding").write("Normal");
        robot.clickOn("#readOk");

        // The gate opens: the AI runs, is logged and shown
        FxTestSupport.await(WAIT_SECONDS, () -> !feature.pane().aiHiddenProperty().get()
                && window.aiPane().analysisProperty().get() != null);
        selectTab(robot, "AI");
        FxTestSupport.await(WAIT_SECONDS, () -> analyses(COVID) == 1);
        // and stays shown: the AI's own write to the log must not hide it and start it again
        int[] runs = {0};
        robot.interact(() -> window.aiPane().analysisProperty().addListener((o, old, a) -> runs[0]++));
        Thread.sleep(3000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs[0]).as("analyses shown or cleared after the first").isZero();
        assertThat(window.aiPane().analysisProperty().get()).isNotNull();

        // A revised read now is made after the AI
        selectTab(robot, "Patient log");
        robot.clickOn("#logRecordRead");
        assertThat(robot.lookup("#readTiming").queryLabeled().getText()).startsWith("After seeing the AI");
        robot.clickOn("#readFinding").write("COVID");
        robot.clickOn("#readOk");
        FxTestSupport.await(WAIT_SECONDS, () -> reads(COVID).size() == 2);
        assertThat(reads(COVID)).extracting(ReadRecord::finding, ReadRecord::afterAi, ReadRecord::reader)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Normal", false, "Dr Read"),
                        org.assertj.core.groups.Tuple.tuple("COVID", true, "Dr Read"));

        // Reopening the film runs the model again but logs no second row for the same model and film
        open(robot, NORMAL);
        open(robot, COVID);
        FxTestSupport.await(WAIT_SECONDS, () -> window.aiPane().analysisProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        assertThat(analyses(COVID)).isEqualTo(1);

        // The export keeps both reads of the film, one line each
        FxTestSupport.await(WAIT_SECONDS, () -> !PatientLogTestAccess.rows(feature).isEmpty());
        robot.clickOn("#logExport");
        FxTestSupport.await(WAIT_SECONDS, () -> Files.exists(csv)
                && robot.lookup("#logMessage").queryLabeled().getText().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvExport.LOG_HEADER));
        int after = CsvExport.LOG_HEADER.indexOf("read_after_ai");
        assertThat(lines.stream().skip(1).filter(l -> l.contains("COVID-1.png")).map(l -> l.split(",")[after]))
                .containsExactly("false", "true");
    }

    @Test
    void aLoggedRunStaysHiddenInTheTableAndHistoryUntilTheRead(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        // With read first off the AI runs on open and is logged ...
        selectTab(robot, "Patient log");
        robot.clickOn("#logDatabase").clickOn("#logReadFirst");
        FxTestSupport.await(WAIT_SECONDS, () -> !readFirstInLog());
        open(robot, NORMAL);
        FxTestSupport.await(WAIT_SECONDS, () -> analyses(NORMAL) == 1);
        FxTestSupport.await(WAIT_SECONDS, () -> PatientLogTestAccess.rows(feature).size() == 1);
        // ... then read first goes on: the table, the history and the AI tab hide that reading
        robot.clickOn("#logDatabase").clickOn("#logReadFirst");
        FxTestSupport.await(WAIT_SECONDS, () -> readFirstInLog() && feature.pane().aiHiddenProperty().get());
        FxTestSupport.await(WAIT_SECONDS, () -> PatientLogTestAccess.aiCell(feature, 0).startsWith("hidden"));
        FxTestSupport.await(WAIT_SECONDS, () -> PatientLogTestAccess.history(feature).stream()
                .anyMatch(l -> l.startsWith("AI reading hidden")));
        assertThat(PatientLogTestAccess.history(feature)).noneMatch(l -> l.contains("AI covid"));
        assertThat(window.aiPane().analysisProperty().get()).isNull();
        LogRow row = PatientLogTestAccess.rows(feature).get(0);
        assertThat(row.predictedClass()).as("the log keeps it; only the screen hides it").isNotNull();
    }

    @Test
    void thisSiteShowsHowTheModelAgreedWithTheReaders(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        // Two films read before the AI: the reader and the model agree on one, disagree on the other
        Path weights = Files.writeString(dir.resolve("m.zip"), "weights");
        var binary = List.of("COVID", "non-COVID");
        var recorder = new org.lunglens.app.AnalysisRecorder();
        try (PatientLog log = PatientLog.open(dir.resolve("log.db"))) {
            for (Path film : List.of(COVID, NORMAL)) {
                long id = recorder.record(log, new org.lunglens.app.AnalysedFilm(film, "PNG", null), "m", weights,
                        new org.lunglens.model.ClassScores(binary, new float[] {0.9f, 0.1f}), null, null, 5).imageId();
                log.reads().add(ReadRecord.draft(id, film == COVID ? "COVID" : "Normal", 0.8, false, ""));
            }
        }
        selectTab(robot, "Patient log");
        robot.clickOn("#logThisSite");
        FxTestSupport.await(WAIT_SECONDS, () -> robot.lookup("#siteAgreementTable").tryQuery().isPresent()
                && !robot.lookup("#siteAgreementTable").queryTableView().getItems().isEmpty());
        var table = robot.lookup("#siteAgreementTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(((javafx.scene.control.TableColumn<?, ?>) table.getColumns().get(3)).getCellData(0))
                .asString().startsWith("0.500 (");
        assertThat(((javafx.scene.control.TableColumn<?, ?>) table.getColumns().get(4)).getCellData(0))
                .asString().startsWith("1.000 (");
        assertThat(((javafx.scene.control.TableColumn<?, ?>) table.getColumns().get(5)).getCellData(0))
                .asString().startsWith("0.000 (");
        assertThat(robot.lookup("#confusion-1-0").queryLabeled().getText()).as("read Normal, called COVID")
                .isEqualTo("1");
        assertThat(robot.lookup("#confusion-1-1").queryLabeled().getText()).isEqualTo("0");
    }

    private void open(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> window.open(List.of(file)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().image() != null
                && window.model().image().source().getFileName().equals(file.getFileName()));
    }

    private void selectTab(FxRobot robot, String name) {
        robot.interact(() -> window.sideTabs().getTabs().stream().filter(t -> t.getText().equals(name)).findFirst()
                .ifPresent(t -> window.sideTabs().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean hasText(javafx.scene.Node n) {
        return n instanceof javafx.scene.Parent p && !p.getChildrenUnmodifiable().isEmpty();
    }

    private ImageHistory historyOf(Path file) throws Exception {
        try (PatientLog log = PatientLog.open(dir.resolve("log.db"))) {
            Optional<Long> id = log.images().findBySha256(FileFingerprint.of(file).sha256()).map(i -> i.id());
            return id.isPresent() ? log.history(id.get()) : null;
        }
    }

    private int analyses(Path file) {
        try {
            ImageHistory h = historyOf(file);
            return h == null ? 0 : h.analyses().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private List<ReadRecord> reads(Path file) {
        try {
            ImageHistory h = historyOf(file);
            return h == null ? List.of() : h.reads();
        } catch (Exception e) {
            return List.of();
        }
    }

    private boolean readFirstInLog() {
        try (PatientLog log = PatientLog.open(dir.resolve("log.db"))) {
            return log.settings().readFirst();
        } catch (Exception e) {
            return false;
        }
    }
}
