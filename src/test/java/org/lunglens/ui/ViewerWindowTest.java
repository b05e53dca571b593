package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.viewer.LoadState;
import org.lunglens.ui.viewer.RecentFiles;
import org.lunglens.ui.viewer.ViewerModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's main path, headless (Monocle), on real sample radiographs. */
@ExtendWith(ApplicationExtension.class)
class ViewerWindowTest {
    private static final int WAIT_SECONDS = 20;
    private static final Path SAMPLES = Path.of(System.getProperty("lunglens.shared", "../shared"), "data", "samples");
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs));
        FxTestSupport.show(stage, window, 1200, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        work.shutdown();
        prefs.removeNode();
    }

    private void openAndWait(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> window.open(List.of(file)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().stateProperty().get() != LoadState.LOADING
                && window.model().stateProperty().get() != LoadState.EMPTY);
    }

    private int centreGray() {
        Image img = window.viewer().imageView().getImage();
        return img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2) & 0xFF;
    }

    @Test
    void thePixelReadoutFollowsPageDownUnderAStillMouse(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.open(List.of(SAMPLES.resolve("COVID-1-16bit.png"), SAMPLES.resolve("COVID-1.png"))));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().image() != null
                && window.model().image().pixels().bitDepth() == 16);
        robot.moveTo("#mainViewer").moveBy(5, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.statusBar().getText()).contains("16-bit");
        robot.push(KeyCode.PAGE_DOWN);
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().image() != null
                && window.model().image().pixels().bitDepth() == 8);
        FxTestSupport.await(WAIT_SECONDS, () -> window.statusBar().getText().contains("8-bit"));
        assertThat(window.statusBar().getText()).doesNotContain("16-bit");
    }

    @Test
    void opensZoomsPansWindowsInvertsAndShowsTheChannelGrid(FxRobot robot) throws TimeoutException {
        openAndWait(robot, SAMPLES.resolve("COVID-1-16bit.png"));
        ViewerModel model = window.model();
        assertThat(model.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(model.image().pixels().bitDepth()).isEqualTo(16);
        FxTestSupport.await(WAIT_SECONDS, () -> window.viewer().imageView().getImage() != null);
        assertThat(robot.lookup("#clinicalBanner").queryAs(Label.class).getText()).contains("NOT FOR CLINICAL USE");

        // zoom: keyboard and wheel
        robot.clickOn("#mainViewer");
        double fitScale = window.viewer().transformProperty().get().scale();
        robot.push(KeyCode.EQUALS);
        assertThat(model.zoomProperty().get()).isEqualTo(1.25, org.assertj.core.data.Offset.offset(1e-9));
        // the wheel zooms about the pointer: the image point under it stays put
        robot.moveTo("#mainViewer").moveBy(40, 30);
        javafx.geometry.Point2D pointer = window.viewer().screenToLocal(robot.point("#mainViewer").query().add(40, 30));
        double[] under = window.viewer().transformProperty().get().screenToImage(pointer.getX(), pointer.getY());
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        ViewTransform wheeled = window.viewer().transformProperty().get();
        assertThat(wheeled.scale()).isNotCloseTo(1.25 * fitScale, org.assertj.core.data.Offset.offset(0.01));
        double[] stillUnder = wheeled.screenToImage(pointer.getX(), pointer.getY());
        assertThat(stillUnder[0]).isCloseTo(under[0], org.assertj.core.data.Offset.offset(0.5));
        assertThat(stillUnder[1]).isCloseTo(under[1], org.assertj.core.data.Offset.offset(0.5));

        // pan: content follows a left-drag
        double cx = model.centerXProperty().get();
        double cy = model.centerYProperty().get();
        robot.drag("#mainViewer", MouseButton.PRIMARY).moveBy(60, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.centerXProperty().get()).isLessThan(cx);
        assertThat(model.centerYProperty().get()).isLessThan(cy);

        // window/level: right-drag widens, typed values are taken as typed
        DisplaySettings before = model.settings();
        robot.drag("#mainViewer", MouseButton.SECONDARY).moveBy(80, 0).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.settings().windowWidth()).isGreaterThan(before.windowWidth());
        robot.clickOn("#tabDisplay");
        robot.doubleClickOn("#windowWidthField").eraseText(8).write("20000");
        robot.doubleClickOn("#windowLevelField").eraseText(8).write("30000").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.settings().windowWidth()).isEqualTo(20000);
        assertThat(model.settings().windowCenter()).isEqualTo(30000);

        // invert: the rendered pixel turns over
        robot.clickOn("#mainViewer");
        FxTestSupport.await(WAIT_SECONDS, () -> window.viewer().imageView().getImage() != null);
        int gray = centreGray();
        robot.push(KeyCode.I);
        FxTestSupport.await(WAIT_SECONDS, () -> model.settings().invert() && Math.abs(centreGray() - (255 - gray)) <= 1);

        // pixel readout in the image's own bit depth
        robot.moveTo("#mainViewer").moveBy(5, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.statusBar().getText()).contains("16-bit").contains("value");

        // channel grid: synced with the main view, says a gray image's channels are identical
        robot.push(KeyCode.C);
        FxTestSupport.await(WAIT_SECONDS, () -> window.channelGrid().isVisible()
                && window.channelGrid().cell(ChannelView.CLAHE).imageView().getImage() != null);
        assertThat(window.channelGrid().note().getText()).contains("identical");
        assertThat(window.channelGrid().cell(ChannelView.RED)).as("no three copies of gray").isNull();
        ViewTransform cell = window.channelGrid().cell(ChannelView.EDGES).transformProperty().get();
        double[] centre = cell.screenToImage(cell.viewWidth() / 2, cell.viewHeight() / 2);
        assertThat(centre[0]).isEqualTo(model.centerXProperty().get(), org.assertj.core.data.Offset.offset(1e-6));
        robot.push(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.channelGrid().cell(ChannelView.CLAHE).transformProperty().get().rotation()).isEqualTo(90);
    }

    @Test
    void aCorruptFileShowsAClearMessageInTheWindow(FxRobot robot, @TempDir Path dir) throws IOException,
            TimeoutException {
        Path broken = dir.resolve("broken.png");
        byte[] good = Files.readAllBytes(SAMPLES.resolve("Normal-1.png"));
        Files.write(broken, Arrays.copyOf(good, 200));
        openAndWait(robot, broken);
        assertThat(window.model().stateProperty().get()).isEqualTo(LoadState.FAILED);
        Label message = window.viewer().messageLabel();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("Could not open broken.png").contains("corrupt or truncated");
        assertThat(window.statusBar().getText()).contains("corrupt or truncated");
    }

    @Test
    void aMemoryBombAndACutJpegShowTheCliMessagesInTheWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), ImageFixtures.pngHeaderOnly(14_000, 14_000, 16, 6));
        openAndWait(robot, bomb);
        assertThat(window.model().stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(window.viewer().messageLabel().getText()).startsWith("Could not open bomb.png")
                .contains("image too large to open safely (14000 x 14000 px, 16-bit RGBA");

        BufferedImage film = ImageIO.read(SAMPLES.resolve("Normal-1.png").toFile());
        byte[] jpeg = ImageFixtures.encode(film, "jpeg");
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        openAndWait(robot, cut);
        assertThat(window.model().stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(window.viewer().messageLabel().getText()).startsWith("Could not open cut.jpg")
                .contains("the JPEG data is truncated or corrupt");
        assertThat(window.statusBar().getText()).contains("truncated or corrupt");
    }

    @Test
    void gridOnBeforeTheImageArrivesStillFillsAndDicomTagsShow(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.model().gridModeProperty().set(true));
        // img2dcm reads JPEG or BMP: go through an 8-bit gray BMP written here
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(SAMPLES.resolve("Normal-1.png").toFile());
        java.awt.image.BufferedImage gray = new java.awt.image.BufferedImage(png.getWidth(), png.getHeight(),
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(png, 0, 0, null);
        Path bmp = dir.resolve("normal.bmp");
        javax.imageio.ImageIO.write(gray, "bmp", bmp.toFile());
        Path dcm = dir.resolve("normal.dcm");
        Process p = new ProcessBuilder("img2dcm", "-i", "BMP", bmp.toString(), dcm.toString(),
                "-k", "PatientID=LL-0001", "-k", "Modality=DX").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "img2dcm (dcmtk) not available");
        openAndWait(robot, dcm);
        assertThat(window.model().stateProperty().get()).isEqualTo(LoadState.LOADED);
        FxTestSupport.await(WAIT_SECONDS, () -> window.channelGrid().cell(ChannelView.EDGES).imageView().getImage() != null);
        robot.clickOn("#tabInfo");
        assertThat(robot.lookup("#info-Patient-ID").queryAs(Label.class).getText()).isEqualTo("LL-0001");
        assertThat(robot.lookup("#info-Modality").queryAs(Label.class).getText()).isEqualTo("DX");
    }

    @Test
    void channelGridKeepsItsViewersFromFilmToFilm(FxRobot robot) throws TimeoutException {
        // A viewer made per film stayed reachable from the shared viewer model with its pixels: a long session leaked
        robot.interact(() -> window.model().gridModeProperty().set(true));
        openAndWait(robot, SAMPLES.resolve("Normal-1.png"));
        FxTestSupport.await(WAIT_SECONDS, () -> window.channelGrid().cell(ChannelView.CLAHE).imageView().getImage() != null);
        var clahe = window.channelGrid().cell(ChannelView.CLAHE);
        Image first = clahe.imageView().getImage();
        openAndWait(robot, SAMPLES.resolve("COVID-1.png"));
        FxTestSupport.await(WAIT_SECONDS, () -> window.channelGrid().cell(ChannelView.CLAHE).imageView().getImage() != null
                && window.channelGrid().cell(ChannelView.CLAHE).imageView().getImage() != first);
        assertThat(window.channelGrid().cell(ChannelView.CLAHE)).isSameAs(clahe);
        assertThat(clahe.messageLabel().isVisible()).as("no 'Computing ...' left over").isFalse();
    }

    @Test
    void helpOverlayListsTheShortcuts(FxRobot robot) {
        robot.clickOn("#mainViewer").push(KeyCode.F1);
        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isTrue();
        assertThat(robot.lookup("Invert").tryQuery()).isPresent();
        robot.push(KeyCode.ESCAPE);
        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isFalse();
    }
}
