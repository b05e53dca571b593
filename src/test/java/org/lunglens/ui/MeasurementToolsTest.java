package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.measure.Measurement;
import org.lunglens.measure.MeasurementKind;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.patientlog.MeasurementRecord;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.patientlog.PatientLogService;
import org.lunglens.ui.patientlog.PatientLogTestAccess;
import org.lunglens.ui.viewer.MeasureTools;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The measurement tools in the real main window with a real log file: drawn with the mouse, in mm on a film with a
 * pixel spacing, region statistics on a 16-bit film, undo, removal, kept in the log across a reopen, listed in the
 * history and drawn in the PNG export.
 */
@ExtendWith(ApplicationExtension.class)
class MeasurementToolsTest {
    private static final int WAIT_SECONDS = 60;

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-measure-" + System.nanoTime());
    private BackgroundWork work;
    private MainWindow window;
    private PatientLogFeature feature;

    @Start
    void start(Stage stage) {
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        feature = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, dir.resolve("log.db"),
                new LogSettings(prefs.node("log")), new PatientLogService(),
                PatientLogTestAccess.dialogs(dir.resolve("x.csv")));
        MeasurementRecording.connect(window, feature);
        FxTestSupport.show(stage, window, 1280, 800);
    }

    @AfterEach
    void tearDown() throws BackingStoreException, InterruptedException {
        WaitForAsyncUtils.waitForAsyncFx(10_000, feature::close);
        work.shutdown();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        prefs.removeNode();
    }

    @Test
    void aRulerInMillimetresIsUndoneRemovedAndKeptInTheLogAcrossAReopen(FxRobot robot) throws Exception {
        Path dcm = dicomWithSpacing();
        Path other = sixteenBitFilm();
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        open(robot, dcm);
        MeasureTools tools = window.measurements();
        choose(robot, "Ruler");
        assertThat(tools.toolProperty().get()).isEqualTo(MeasurementKind.RULER);
        robot.drag("#mainViewer", MouseButton.PRIMARY).moveBy(120, 0).release(MouseButton.PRIMARY);
        assertThat(tools.measurements()).hasSize(1);
        String label = label(robot, "ruler");
        assertThat(label).endsWith(" mm");
        double scale = window.viewer().transformProperty().get().scale();
        assertThat(Double.parseDouble(label.replace(" mm", ""))).isCloseTo(120 / scale * 0.5, within(120 / scale * 0.03));

        // Esc returns the drag to panning: the view moves, nothing is drawn
        robot.push(KeyCode.ESCAPE);
        double centre = window.model().centerXProperty().get();
        robot.drag("#mainViewer", MouseButton.PRIMARY).moveBy(60, 0).release(MouseButton.PRIMARY);
        assertThat(window.model().centerXProperty().get()).isNotEqualTo(centre);
        assertThat(tools.measurements()).hasSize(1);

        // Undo takes the ruler away; two more; the first selected by a click and removed with Delete; undo again
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(tools.measurements()).isEmpty();
        choose(robot, "Ruler");
        robot.drag("#mainViewer", MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
        robot.moveTo("#mainViewer").moveBy(0, -120);
        robot.drag(MouseButton.PRIMARY).moveBy(0, 80).release(MouseButton.PRIMARY);
        List<Measurement> two = tools.measurements();
        assertThat(two).hasSize(2);
        robot.push(KeyCode.ESCAPE);
        robot.clickOn(robot.lookup(".measurement-label").nth(0).queryAs(Label.class));
        assertThat(tools.selectedUid()).isEqualTo(two.get(0).uid());
        robot.push(KeyCode.DELETE);
        assertThat(tools.measurements()).containsExactly(two.get(1));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(tools.measurements()).containsExactlyElementsOf(two);

        // In the log: the two kept, the undone one archived; back after opening another film and this one again
        FxTestSupport.await(WAIT_SECONDS, () -> keptInLog(dcm) == 2);
        assertThat(logged(dcm)).hasSize(3).filteredOn(MeasurementRecord::archived).hasSize(1);
        open(robot, other);
        FxTestSupport.await(WAIT_SECONDS, () -> tools.measurements().isEmpty());
        open(robot, dcm);
        FxTestSupport.await(WAIT_SECONDS, () -> tools.measurements().size() == 2);
        assertThat(tools.measurements()).containsExactlyElementsOf(two);
        assertThat(robot.lookup(".measurement-label").queryAll()).hasSize(2);

        // The history lists them, the removed one said so
        FxTestSupport.await(WAIT_SECONDS, () -> PatientLogTestAccess.history(feature).stream()
                .filter(l -> l.contains("Ruler: ")).count() == 3);
        assertThat(PatientLogTestAccess.history(feature)).filteredOn(l -> l.contains("Ruler: "))
                .allMatch(l -> l.contains(" mm")).filteredOn(l -> l.endsWith("[removed]")).hasSize(1);
    }

    @Test
    void regionsAngleRatioArrowAndTextOnA16BitFilmAndTheExportShowsThem(FxRobot robot) throws Exception {
        Path film = sixteenBitFilm();
        FxTestSupport.await(WAIT_SECONDS, () -> feature.service().state() == PatientLogService.State.READY);
        open(robot, film);
        MeasureTools tools = window.measurements();

        choose(robot, "Rectangle ROI");
        robot.moveTo("#mainViewer").moveBy(-40, -30);
        robot.drag(MouseButton.PRIMARY).moveBy(80, 60).release(MouseButton.PRIMARY);
        assertThat(label(robot, "rectangle")).startsWith("mean 40000, SD 0\nmin 40000, max 40000\n")
                .endsWith(MeasurementKindText.PX_AREA);
        choose(robot, "Ellipse ROI");
        // across the bright block's left edge (image x 100): min and max are the two values
        robot.moveTo(onScreen(70, 130));
        robot.drag(MouseButton.PRIMARY).moveTo(onScreen(130, 170)).release(MouseButton.PRIMARY);
        assertThat(label(robot, "ellipse")).contains("min 1000, max 40000");

        choose(robot, "Angle");
        robot.moveTo("#mainViewer").moveBy(-100, 100);
        robot.drag(MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
        robot.moveBy(0, -100).clickOn(MouseButton.PRIMARY);
        assertThat(label(robot, "angle")).isEqualTo("90.0\u00b0");

        choose(robot, "Cardiothoracic ratio");
        robot.moveTo("#mainViewer").moveBy(-50, 40);
        robot.drag(MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
        robot.moveTo("#mainViewer").moveBy(-100, 70);
        robot.drag(MouseButton.PRIMARY).moveBy(200, 0).release(MouseButton.PRIMARY);
        assertThat(label(robot, "ctr")).startsWith("CTR 0.50\ncardiac ").contains("px (no pixel spacing)");

        choose(robot, "Arrow");
        robot.moveTo("#mainViewer").moveBy(120, -120);
        robot.drag(MouseButton.PRIMARY).moveBy(-60, 40).release(MouseButton.PRIMARY);
        choose(robot, "Text");
        robot.moveTo("#mainViewer").moveBy(130, -140).clickOn(MouseButton.PRIMARY);
        robot.write("apex").push(KeyCode.ENTER);
        assertThat(label(robot, "text")).isEqualTo("apex");
        assertThat(tools.measurements()).extracting(Measurement::kind).containsExactly(MeasurementKind.RECTANGLE,
                MeasurementKind.ELLIPSE, MeasurementKind.ANGLE, MeasurementKind.CTR, MeasurementKind.ARROW,
                MeasurementKind.TEXT);

        // The PNG export (a snapshot of the viewer) carries them: the gray film alone has no yellow
        Path png = dir.resolve("view.png");
        CompletableFuture<Path> export = new CompletableFuture<>();
        robot.interact(() -> window.aiPane().exportView(png).whenComplete((p, e) -> {
            if (e == null) {
                export.complete(p);
            } else {
                export.completeExceptionally(e);
            }
        }));
        BufferedImage out = ImageIO.read(export.get(WAIT_SECONDS, TimeUnit.SECONDS).toFile());
        assertThat(measurementPixels(out)).isGreaterThan(500);
        robot.push(KeyCode.ESCAPE);
        assertThat(tools.toolProperty().get()).isNull();
    }

    /** The area line of a region on a film without a pixel spacing. */
    private static final class MeasurementKindText {
        static final String PX_AREA = "px\u00b2";
    }

    private javafx.geometry.Point2D onScreen(double imageX, double imageY) {
        double[] s = window.viewer().transformProperty().get().imageToScreen(imageX, imageY);
        return window.viewer().localToScreen(s[0], s[1]);
    }

    private static long measurementPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (r > 200 && g > 150 && b < 100) {
                    n++;
                }
            }
        }
        return n;
    }

    private void choose(FxRobot robot, String tool) {
        robot.clickOn("#measureMenu").clickOn(tool);
    }

    private static String label(FxRobot robot, String kind) {
        return robot.lookup("#measurementLabel-" + kind).queryAs(Label.class).getText();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(List.of(file)));
        FxTestSupport.await(WAIT_SECONDS, () -> {
            LoadedImage img = window.model().image();
            return img != null && img.source().equals(file) && window.viewer().transformProperty().get() != null
                    && window.viewer().imageView().getImage() != null;
        });
    }

    private long keptInLog(Path file) {
        try {
            return logged(file).stream().filter(m -> !m.archived()).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private List<MeasurementRecord> logged(Path file) throws Exception {
        CompletableFuture<List<MeasurementRecord>> found = new CompletableFuture<>();
        String sha = FileFingerprint.of(file).sha256();
        WaitForAsyncUtils.asyncFx(() -> feature.service().read(log -> {
            var image = log.images().findBySha256(sha);
            return image.isEmpty() ? List.<MeasurementRecord>of() : log.measurements().forImage(image.get().id(), true);
        }, found::complete, problem -> found.completeExceptionally(new IllegalStateException(problem))));
        return found.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A 400 x 300 16-bit film: 1000 everywhere but a bright 200 x 150 block of 40000 in the middle. */
    private Path sixteenBitFilm() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((java.awt.image.DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                data[y * 400 + x] = (short) (x >= 100 && x < 300 && y >= 75 && y < 225 ? 40000 : 1000);
            }
        }
        return ImageFixtures.write(img, "png", dir.resolve("block16.png"));
    }

    /** A real radiograph as a DICOM with a Pixel Spacing of 0.5 mm (dcmtk's img2dcm). */
    private Path dicomWithSpacing() throws Exception {
        BufferedImage png = ImageIO.read(SharedData.samples().resolve("Normal-1.png").toFile());
        BufferedImage gray = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(png, 0, 0, null);
        Path bmp = dir.resolve("normal.bmp");
        ImageIO.write(gray, "bmp", bmp.toFile());
        Path dcm = dir.resolve("normal.dcm");
        Process p = new ProcessBuilder("img2dcm", "-i", "BMP", bmp.toString(), dcm.toString(), "-k",
                "PixelSpacing=0.5\\0.5", "-k", "Modality=DX").redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "img2dcm (dcmtk) not available");
        return dcm;
    }
}
