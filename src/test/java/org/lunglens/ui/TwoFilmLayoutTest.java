package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The two-film layout in the real main window: a second film beside the first, zoom, pan and window linked. */
@ExtendWith(ApplicationExtension.class)
class TwoFilmLayoutTest {
    private static final int WAIT_SECONDS = 30;
    private static final Path COVID = SharedData.samples().resolve("COVID-1.png");
    private static final Path NORMAL = SharedData.samples().resolve("Normal-1.png");
    private static final Path SIXTEEN = SharedData.samples().resolve("COVID-1-16bit.png");

    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-twofilms-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        FxTestSupport.show(stage, window, 1280, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        work.shutdown();
        prefs.removeNode();
    }

    @Test
    void aSecondFilmOpensBesideTheFirstWithZoomPanAndWindowLinked(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(COVID, NORMAL)));
        FxTestSupport.await(WAIT_SECONDS, () -> loaded(window.model().image(), COVID));
        robot.clickOn("#compareButton");
        assertThat(robot.lookup("#compareViewer").query().isVisible()).isTrue();
        // the second side is selected: the next film from the study list opens there, the main film stays
        robot.interact(() -> window.open(List.of(NORMAL)));
        FxTestSupport.await(WAIT_SECONDS, () -> loaded(window.comparePane().model().image(), NORMAL));
        assertThat(window.model().image().source().getFileName()).isEqualTo(COVID.getFileName());

        robot.interact(() -> window.model().zoomBy(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.comparePane().model().zoomProperty().get()).isEqualTo(window.model().zoomProperty().get());
        // the same size on screen: two films of the same size, two halves of the same width
        double mainScale = ((org.lunglens.ui.viewer.ImageViewer) robot.lookup("#mainViewer").query())
                .transformProperty().get().scale();
        assertThat(window.comparePane().viewer().transformProperty().get().scale())
                .isCloseTo(mainScale, org.assertj.core.data.Offset.offset(0.05 * mainScale));
        robot.interact(() -> window.comparePane().model().centerXProperty().set(40));
        assertThat(window.model().centerXProperty().get()).isEqualTo(40);
        robot.interact(() -> window.model().setWindow(ValueWindow.between(30, 90)));
        assertThat(window.comparePane().model().settings().window()).isEqualTo(ValueWindow.between(30, 90));

        // a 16-bit film's window means nothing on an 8-bit one: then only zoom and pan follow
        robot.interact(() -> window.comparePane().open(SIXTEEN));
        FxTestSupport.await(WAIT_SECONDS, () -> loaded(window.comparePane().model().image(), SIXTEEN));
        assertThat(window.comparePane().windowLinked()).isFalse();
        robot.interact(() -> window.model().setWindow(ValueWindow.between(10, 20)));
        assertThat(window.comparePane().model().settings().window()).isNotEqualTo(ValueWindow.between(10, 20));

        // a click on the main film selects it: the next film opens there
        robot.clickOn("#mainViewer");
        robot.interact(() -> window.open(List.of(NORMAL)));
        FxTestSupport.await(WAIT_SECONDS, () -> loaded(window.model().image(), NORMAL));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compareViewer").tryQuery()).as("back to one film").isEmpty();
    }

    @Test
    void fromTheKeyboardToo(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(SIXTEEN, SharedData.samples().resolve("Normal-1-16bit.png"))));
        FxTestSupport.await(WAIT_SECONDS, () -> loaded(window.model().image(), SIXTEEN));
        robot.clickOn("#mainViewer");
        robot.type(javafx.scene.input.KeyCode.D);
        robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
        FxTestSupport.await(WAIT_SECONDS, () -> window.comparePane().model().image() != null);
        robot.type(javafx.scene.input.KeyCode.F4);
        robot.type(javafx.scene.input.KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().image().source().getFileName()).isEqualTo(SIXTEEN.getFileName());
        assertThat(window.comparePane().model().zoomProperty().get()).isEqualTo(window.model().zoomProperty().get())
                .isGreaterThan(1.1);
        double mainScale = ((org.lunglens.ui.viewer.ImageViewer) robot.lookup("#mainViewer").query())
                .transformProperty().get().scale();
        assertThat(window.comparePane().viewer().transformProperty().get().scale())
                .isCloseTo(mainScale, org.assertj.core.data.Offset.offset(0.05 * mainScale));
    }

    private static boolean loaded(org.lunglens.imaging.LoadedImage img, Path file) {
        return img != null && img.source().getFileName().equals(file.getFileName());
    }
}
