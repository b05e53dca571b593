package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.patientlog.PatientLogService;
import org.lunglens.ui.teaching.TeachingFeature;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A projector at 1280x720, an old laptop at 1024x768: every side tab's header is in sight (none in the overflow
 * menu), every viewer tool is on screen (the tool row wraps instead of hiding tools behind "&gt;&gt;"), the tools take
 * keyboard focus, and the presenter scale enlarges the text.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-small-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;
    private PatientLogFeature log;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        log = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, dir.resolve("log.db"),
                new LogSettings(prefs.node("log")));
        TeachingFeature.install(window.sideTabs(), window.model(), () -> "none.zip", work, log.service(), null);
        FxTestSupport.show(stage, window, 1024, 768);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        WaitForAsyncUtils.waitForAsyncFx(10_000, log::close);
        work.shutdown();
        prefs.removeNode();
    }

    @Test
    void everyTabAndToolIsInSightAt1024x768And1280x720(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(SharedData.samples().resolve("COVID-1.png"))));
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String tab : List.of("Display", "AI", "Patient log", "Teach")) {
                robot.interact(() -> window.sideTabs().getTabs().stream().filter(t -> t.getText().equals(tab))
                        .findFirst().ifPresent(t -> window.sideTabs().getSelectionModel().select(t)));
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(300); // the log tab widens the side panel after a pulse
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "x" + size[1] + ", " + tab + " tab";
                Bounds tabs = screen(window.sideTabs());
                java.util.Set<Node> headers = robot.from(window.sideTabs()).lookup(".tab").queryAll();
                assertThat(headers).as(where).hasSize(6);
                for (Node header : headers) {
                    Bounds b = screen(header);
                    assertThat(b.getMaxX()).as(where + ": " + ((Labeled) header.lookup(".tab-label")).getText())
                            .isLessThanOrEqualTo(tabs.getMaxX() + 0.5);
                    assertThat(header.isVisible()).isTrue();
                }
                Bounds toolRow = screen(robot.lookup("#viewerToolBar").query());
                for (Node tool : robot.lookup("#viewerToolBar").queryParent().getChildrenUnmodifiable()) {
                    Bounds b = screen(tool);
                    assertThat(b.getMaxX()).as(where + ": a tool off the row").isLessThanOrEqualTo(toolRow.getMaxX() + 0.5);
                    assertThat(b.getMaxY()).as(where).isLessThanOrEqualTo(toolRow.getMaxY() + 0.5);
                    assertThat(tool.isVisible()).isTrue();
                }
            }
        }
        assertThat(robot.lookup("#invertButton").query().isFocusTraversable()).as("tools take keyboard focus").isTrue();
    }

    @Test
    void presenterScaleEnlargesTheText(FxRobot robot) {
        Labeled any = robot.lookup("#invertButton").queryLabeled();
        double before = any.getFont().getSize();
        robot.interact(() -> window.presenterScaleProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(any.getFont().getSize()).isGreaterThan(before + 2);
        robot.interact(() -> window.presenterScaleProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(any.getFont().getSize()).isEqualTo(before);
    }

    private static Bounds screen(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
