package org.lunglens.ui.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.FxTestSupport;
import org.lunglens.ui.MainWindow;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The patient log pane's main path in the real main window, headless, on a real SQLite file. */
@ExtendWith(ApplicationExtension.class)
class PatientLogPaneTest {
    private static final int WAIT_SECONDS = 20;
    private static final Path COVID = SharedData.samples().resolve("COVID-1.png");
    private static final Path NORMAL = SharedData.samples().resolve("Normal-1.png");

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;
    private PatientLogFeature feature;
    private Path csv;

    /** The real dialogs, with the native file chooser and the confirmation answered by the test. */
    private final class TestDialogs extends LogDialogs {
        @Override
        Optional<Path> chooseCsvFile(Window owner) {
            return Optional.of(csv);
        }

        @Override
        boolean confirm(Window owner, String question) {
            return true;
        }
    }

    @Start
    void start(Stage stage) {
        csv = dir.resolve("export.csv");
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs));
        feature = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, dir.resolve("log.db"),
                new LogSettings(prefs.node("log")),
                new PatientLogService(), new TestDialogs());
        FxTestSupport.show(stage, window, 1280, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        WaitForAsyncUtils.waitForAsyncFx(10_000, feature::close);
        work.shutdown();
        prefs.removeNode();
    }

    private void open(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> window.open(List.of(file)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().image() != null && window.model().image().source().getFileName().equals(file.getFileName()));
    }

    private List<LogRow> rows() {
        return feature.pane().visibleRows();
    }

    private List<String> history() {
        return feature.pane().historyView().lines();
    }

    private LogRow row(String fileName) {
        return rows().stream().filter(r -> r.path().endsWith(fileName)).findFirst().orElseThrow();
    }

    @Test
    void addAttachReadLogSearchFilterExportReopenAndArchive(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        open(robot, COVID);
        robot.clickOn("#tabPatientLog");
        // the side panel widens for the table, and gives the width back for other tabs
        FxTestSupport.await(WAIT_SECONDS, () -> window.sideTabs().getWidth() > 0.45 * 1280);
        robot.clickOn("#tabInfo");
        FxTestSupport.await(WAIT_SECONDS, () -> window.sideTabs().getWidth() < 0.35 * 1280);
        robot.clickOn("#tabPatientLog");
        FxTestSupport.await(WAIT_SECONDS, () -> window.sideTabs().getWidth() > 0.45 * 1280);

        // a new patient, with the open image attached in the same step
        robot.clickOn("#logNewPatient");
        robot.clickOn("#patientLocalId").write("P-007");
        robot.clickOn("#patientName").write("Ada Lovelace");
        robot.clickOn("#patientBirth").write("1948");
        robot.clickOn("#patientOk");
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 1 && "P-007".equals(rows().get(0).patientLocalId()));
        assertThat(rows().get(0).patientName()).isEqualTo("Ada Lovelace");
        assertThat(Path.of(rows().get(0).path())).isEqualTo(window.model().image().source().toAbsolutePath().normalize());

        // the reader's own read, before the AI
        robot.clickOn("#logRecordRead");
        robot.clickOn("#readFinding").write("COVID");
        robot.clickOn("#readText").write("ground glass, right lower lobe");
        robot.clickOn("#readOk");
        FxTestSupport.await(WAIT_SECONDS, () -> history().size() == 1);
        assertThat(history().get(0)).contains("Read by", "COVID", "before seeing the AI", "ground glass");

        // an AI run, logged the way the AI pane will
        Path modelFile = Files.writeString(dir.resolve("model.zip"), "weights");
        AnalysisRecord[] logged = new AnalysisRecord[1];
        robot.interact(() -> feature.aiRuns().record(window.model().image(), "tiny-test", modelFile,
                new ClassScores(List.of("COVID", "Normal"), new float[] {0.9f, 0.1f}), Familiarity.of(2.5), null, 120)
                .thenAccept(a -> logged[0] = a.orElseThrow()));
        FxTestSupport.await(WAIT_SECONDS, () -> history().size() == 2);
        assertThat(logged[0].modelSha256()).hasSize(64);
        assertThat(history().get(1)).contains("AI tiny-test: COVID (COVID 90.0 %, Normal 10.0 %)", "120 ms",
                "UNFAMILIAR FILM", "not reliable");
        assertThat(robot.lookup("#logHistoryTitle").queryLabeled().getText())
                .contains("COVID-1.png", "P-007", "Ada Lovelace");
        FxTestSupport.await(WAIT_SECONDS, () -> "COVID".equals(rows().get(0).predictedClass()) && "COVID".equals(rows().get(0).readFinding()));
        assertThat(rows().get(0).unfamiliar()).as("the flag reaches the table's rows").isTrue();

        // attach a second image to the same patient
        open(robot, NORMAL);
        FxTestSupport.await(WAIT_SECONDS, () -> history().isEmpty());
        robot.clickOn("#logAttach");
        robot.clickOn("P-007 \u2014 Ada Lovelace, born 1948");
        robot.clickOn("#attachOk");
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 2);
        assertThat(row("Normal-1.png").patientLocalId()).isEqualTo("P-007");

        // search: any text field; typed SQL stays text
        robot.clickOn("#logSearch").write("ground glass");
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 1 && rows().get(0).path().endsWith("COVID-1.png"));
        robot.interact(() -> robot.lookup("#logSearch").queryTextInputControl().setText("x' OR '1'='1"));
        FxTestSupport.await(WAIT_SECONDS, () -> rows().isEmpty());
        robot.interact(() -> robot.lookup("#logSearch").queryTextInputControl().setText(""));
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 2);

        // sort by image name, then filter the AI column to COVID: the export writes what is visible
        TableColumn<LogRow, ?> image = column("Image");
        robot.interact(() -> {
            image.setSortType(TableColumn.SortType.DESCENDING);
            feature.pane().table().view().getSortOrder().setAll(List.of(image));
        });
        assertThat(rows()).extracting(r -> Path.of(r.path()).getFileName().toString())
                .containsExactly("Normal-1.png", "COVID-1.png");
        robot.interact(() -> {
            var filter = feature.pane().table().filter();
            filter.unSelectAllValues(column("AI"));
            // the film's analysis was flagged unfamiliar, and the column says so
            filter.selectValue(column("AI"), "COVID (unfamiliar film)");
            filter.executeFilter();
        });
        assertThat(rows()).hasSize(1);
        robot.clickOn("#logExport");
        FxTestSupport.await(WAIT_SECONDS, () -> Files.exists(csv) && robot.lookup("#logMessage").queryLabeled().getText().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(String.join(",", org.lunglens.patientlog.CsvExport.LOG_HEADER));
        assertThat(lines.get(1)).contains("COVID-1.png", "P-007", "Ada Lovelace", "tiny-test", "COVID");
        // no value in this row holds a comma, so the cells line up with the header
        assertThat(lines.get(1).split(",")[LogRow.CSV_HEADER.indexOf("unfamiliar")]).as("the flag is exported")
                .isEqualTo("true");

        // reopen from the log, through the viewer's own open path
        robot.interact(() -> feature.pane().table().view().getSelectionModel().select(0));
        robot.clickOn("#logOpenImage");
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().image() != null && window.model().image().source().endsWith("COVID-1.png"));
        FxTestSupport.await(WAIT_SECONDS, () -> history().size() == 2);

        // archive, never delete: hidden, then back with "Show archived"
        robot.interact(() -> feature.pane().table().filter().resetFilter());
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 2);
        robot.interact(() -> feature.pane().table().view().getSelectionModel().select(row("Normal-1.png")));
        robot.clickOn("#logArchive").clickOn("Archive image");
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 1 && rows().get(0).path().endsWith("COVID-1.png"));
        robot.clickOn("#logShowArchived");
        FxTestSupport.await(WAIT_SECONDS, () -> rows().size() == 2 && row("Normal-1.png").imageArchived());
    }

    @Test
    void aiRunsAreNotLoggedWhenTheUserTurnedThatOff(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        open(robot, COVID);
        robot.clickOn("#tabPatientLog").clickOn("#logDatabase").clickOn("Log AI runs automatically");
        assertThat(new LogSettings(prefs.node("log")).logAiRuns()).isFalse();

        Optional<?>[] result = new Optional<?>[1];
        robot.interact(() -> feature.aiRuns().record(window.model().image(), "m", COVID,
                new ClassScores(List.of("COVID", "Normal"), new float[] {0.2f, 0.8f}), null, null, 5).thenAccept(r -> result[0] = r));
        FxTestSupport.await(WAIT_SECONDS, () -> result[0] != null);

        assertThat(result[0]).isEmpty();
        assertThat(rows()).isEmpty();
    }

    private TableColumn<LogRow, ?> column(String name) {
        return feature.pane().table().view().getColumns().stream().filter(c -> c.getText().equals(name))
                .findFirst().orElseThrow();
    }
}
