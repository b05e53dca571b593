package org.lunglens.ui.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.Heatmap;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Combiner;
import org.lunglens.model.ProgressListener;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.SystemPropertyOverride;
import org.lunglens.testutil.TinyModels;
import org.lunglens.ui.FxTestSupport;
import org.lunglens.ui.MainWindow;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.viewer.LoadState;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The AI tab's main path, headless, with tiny models trained here standing in for the bundled ones. */
@ExtendWith(ApplicationExtension.class)
class AiPaneTest {
    private static final Color WARNING_RED = Color.web("#b3261e");
    private static final int WAIT_SECONDS = 60;
    private static final Path COVID = SharedData.samples().resolve("COVID-1.png").toAbsolutePath().normalize();
    private static final Path NORMAL = SharedData.samples().resolve("Normal-1.png").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;
    private static SystemPropertyOverride models;
    private static Path data;

    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-ai-" + System.nanoTime());
    private final List<AiAnalysis> logged = new CopyOnWriteArrayList<>();
    private BackgroundWork work;
    private MainWindow window;
    private AiPane ai;

    @BeforeAll
    static void tinyBundledModels() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 14, TinyModels.CLASSES);
        TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models").resolve(BundledModels.BINARY), 2);
        TinyModels.train(data, "multiclass", tmp.resolve("models").resolve(BundledModels.MULTICLASS), 2);
        models = SystemPropertyOverride.set("lunglens.models", tmp.resolve("models").toString());
    }

    @AfterAll
    static void restoreModels() {
        models.restore();
    }

    @Start
    void start(Stage stage) {
        work = new BackgroundWork();
        window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        ai = window.aiPane();
        ai.setOnAnalysis(logged::add);
        FxTestSupport.show(stage, window, 1200, 800);
        window.sideTabs().getSelectionModel().select(window.sideTabs().getTabs().size() - 1);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        work.shutdown();
        prefs.removeNode();
    }

    private void openAndAnalyse(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> window.open(List.of(file)));
        FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get() != null && ai.analysedImage() != null
                && ai.analysedImage().source().toAbsolutePath().normalize().equals(file));
    }

    @Test
    void theGradCamSlidersShowTheirValues(FxRobot robot) {
        robot.interact(() -> {
            ai.settings().opacityProperty().set(0.5);
            ai.settings().thresholdProperty().set(0.25);
        });
        assertThat(robot.lookup("#opacityValue").queryLabeled().getText()).isEqualTo("50 %");
        assertThat(robot.lookup("#thresholdValue").queryLabeled().getText()).isEqualTo("0.25");
    }

    @Test
    void checksAFolderAgainstTheModelWithProgressThenTheReport(FxRobot robot) throws Exception {
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = ai.views().checkFolder(data));
        FxTestSupport.await(WAIT_SECONDS, () -> stage[0].getScene().lookup("#siteCheckSummary") != null);
        Label summary = (Label) stage[0].getScene().lookup("#siteCheckSummary");
        assertThat(summary.getText()).contains("42 films classified").contains("flagged unfamiliar")
                .contains("called COVID").contains("with the class folders as labels (42 films)")
                .contains("site shift: ");
        assertThat(stage[0].getScene().lookup("#siteCheckCancel")).as("progress and Cancel give way to the report").isNull();
        robot.interact(stage[0]::close);
    }

    @Test
    void filmsUnlikeTheTrainingFilmsTakenTogetherGetTheSiteWarningFirst(FxRobot robot) throws Exception {
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
        // The training folders' films washed out: as a group, unlike anything the model learned from
        Path site = SharedData.washedOutCopies(data, Files.createDirectories(tmp.resolve("washed-out-site")));
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = ai.views().checkFolder(site));
        FxTestSupport.await(WAIT_SECONDS, () -> stage[0].getScene().lookup("#siteCheckSummary") != null);
        Label warning = (Label) stage[0].getScene().lookup("#siteShiftWarning");
        assertThat(warning).as(((Label) stage[0].getScene().lookup("#siteCheckSummary")).getText()).isNotNull();
        assertThat(warning.getText()).contains("unlike the films the model learned from");
        assertThat(((Label) stage[0].getScene().lookup("#siteCheckSummary")).getText()).contains("site shift: YES");
        robot.interact(stage[0]::close);
    }

    @Test
    void afterThirtyFilmsUnlikeTheTrainingFilmsTheTabSaysSoAndDropsTheRecord(FxRobot robot) throws Exception {
        // A store of its own: the films the other tests read must not count here
        SystemPropertyOverride store = SystemPropertyOverride.set("lunglens.siteSamples",
                Files.createDirectories(tmp.resolve("site-samples-" + System.nanoTime())).toString());
        try {
            readWashedOutFilmsOneAfterAnother(robot);
        } finally {
            store.restore();
        }
    }

    @Test
    void theFirstFilmOfAShiftedFolderGetsTheFolderWarning(FxRobot robot) throws Exception {
        SystemPropertyOverride store = SystemPropertyOverride.set("lunglens.siteSamples",
                Files.createDirectories(tmp.resolve("site-samples-" + System.nanoTime())).toString());
        try {
            robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
            Path site = SharedData.washedOutCopies(data, Files.createDirectories(tmp.resolve("washed-out-folder")));
            Path film;
            try (var files = Files.list(site)) {
                film = files.sorted().findFirst().orElseThrow().toAbsolutePath().normalize();
            }
            Node warning = robot.lookup("#siteShiftAiWarning").query();

            openAndAnalyse(robot, film);

            FxTestSupport.await(WAIT_SECONDS, warning::isVisible);
            assertThat(((Label) warning).getText()).startsWith("This folder's films, taken together")
                    .contains("unlike the films the model learned from");
            assertThat(robot.lookup("#reliabilityNote").tryQuery()).as("no record line").isEmpty();
            // The log gets it after the folder's verdict, flagged: it never vouches for what the tab warns about
            FxTestSupport.await(WAIT_SECONDS, () -> logged.stream().anyMatch(r -> r.image().equals(film)));
            AiAnalysis run = logged.stream().filter(r -> r.image().equals(film)).findFirst().orElseThrow();
            assertThat(run.familiarity().unfamiliar()).isTrue();
            assertThat(run.familiarity().siteShifted()).isTrue();
        } finally {
            store.restore();
        }
    }

    private void readWashedOutFilmsOneAfterAnother(FxRobot robot) throws Exception {
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
        Path site = SharedData.washedOutCopies(data, Files.createDirectories(tmp.resolve("washed-out-reads")));
        // Folders of 14, too few to judge one by one: only the films read, together, can show the shift
        List<Path> films = new ArrayList<>();
        try (var files = Files.list(site)) {
            int i = 0;
            for (Path f : files.sorted().toList()) {
                Path folder = Files.createDirectories(site.resolve("day-" + (i++ / 14)));
                films.add(Files.move(f, folder.resolve(f.getFileName())));
            }
        }
        Node warning = robot.lookup("#siteShiftAiWarning").query();
        for (Path film : films) {
            openAndAnalyse(robot, film.toAbsolutePath().normalize());
        }
        FxTestSupport.await(WAIT_SECONDS, warning::isVisible);
        assertThat(((Label) warning).getText()).contains("taken together, are unlike the films the model learned from");
        assertThat(robot.lookup("#reliabilityNote").tryQuery()).as("no record line for any of them").isEmpty();
    }

    @Test
    void anUnfamiliarFilmIsSaidFirstAndGetsNoRecordLine(FxRobot robot) throws Exception {
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
        // A familiar film first: the model's record at its confidence is shown, no warning
        Path film = data.resolve("Normal").resolve(Files.list(data.resolve("Normal")).sorted().findFirst()
                .orElseThrow().getFileName()).toAbsolutePath().normalize();
        openAndAnalyse(robot, film);
        boolean flagged = ai.analysisProperty().get().prediction().unfamiliar();
        assertThat(robot.lookup("#unfamiliarWarning").queryAs(Label.class).isVisible()).isEqualTo(flagged);
        assertThat(robot.lookup("#reliabilityNote").tryQuery().isPresent()).isEqualTo(!flagged);
        assertThat(robot.lookup("#otherSitesNote").tryQuery().isPresent()).isEqualTo(!flagged);

        // A blank film: flagged, said before the bars, and the record line is gone
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        Path blankFile = tmp.resolve("blank.png").toAbsolutePath().normalize();
        ImageIO.write(blank, "png", blankFile.toFile());
        openAndAnalyse(robot, blankFile);
        assertThat(ai.analysisProperty().get().prediction().unfamiliar()).isTrue();
        Label warning = robot.lookup("#unfamiliarWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("This film is unlike the films the model learned from");
        assertThat(robot.lookup("#reliabilityNote").tryQuery()).isEmpty();
        robot.interact(warning::applyCss);
        assertThat(warning.getTextFill()).as("the stylesheet's warning red").isEqualTo(WARNING_RED);
        assertThat(warning.getBorder().getStrokes().get(0).getTopStroke()).isEqualTo(WARNING_RED);
        assertThat(warning.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#fdecea"));
        List<Node> order = ai.getChildren();
        assertThat(order.indexOf(warning)).isLessThan(order.indexOf(robot.lookup("#probabilityBars").query()));
    }

    @Test
    void showsProbabilitiesAndTheOverlayFollowsZoomAndRotation(FxRobot robot) throws TimeoutException {
        // The default is the combined model wherever one is found (./models of the checkout too)
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.BINARY));
        openAndAnalyse(robot, COVID);
        Analysis a = ai.analysisProperty().get();
        assertThat(a.prediction().classes()).containsExactly("COVID", "non-COVID");
        float[] p = a.prediction().probabilities();
        assertThat(p[0] + p[1]).isCloseTo(1f, offset(1e-4f));
        String covid = robot.lookup("#prob-COVID").queryAs(Label.class).getText();
        assertThat(covid).isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * p[0]));
        assertThat(robot.lookup("#prob-non-COVID").tryQuery()).isPresent();
        assertThat(robot.lookup("#aiModelLabel").queryAs(Label.class).getText())
                .contains("covid-binary").contains("prediction").contains("ms");
        assertThat(ai.inputView().getImage().getWidth()).as("the model's own 32x32 input").isEqualTo(32);
        assertThat(robot.lookup("#gradCamLayer").queryAs(Label.class).getText()).contains("layer");
        // the hook carries what the log needs (a film of a folder not judged yet once its folder's verdict is in)
        FxTestSupport.await(WAIT_SECONDS, () -> !logged.isEmpty()
                && logged.get(logged.size() - 1).image().toAbsolutePath().normalize().equals(COVID));
        AiAnalysis logged0 = logged.get(logged.size() - 1);
        assertThat(logged0.image().toAbsolutePath().normalize()).isEqualTo(COVID);
        assertThat(logged0.modelName()).isEqualTo("covid-binary");
        assertThat(logged0.modelSha256()).hasSize(64);
        assertThat(logged0.scores().classes()).containsExactly("COVID", "non-COVID");
        assertThat(logged0.predictedClass()).isEqualTo(a.prediction().predictedClass());
        assertThat(logged0.gradCamSettings()).containsKeys("layer", "colorMap", "opacity", "threshold");

        HeatmapOverlay overlay = ai.overlay();
        assertThat(overlay.isVisible()).isFalse();
        robot.clickOn("#mainViewer").push(KeyCode.G);
        assertThat(overlay.isVisible()).isTrue();
        assertThat(overlay.getParent()).as("in the viewer's image layer").isSameAs(window.viewer().imageView().getParent());
        assertAligned();

        robot.push(KeyCode.EQUALS).push(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().zoomProperty().get()).isGreaterThan(1.5);
        assertAligned();
        robot.push(KeyCode.R);
        robot.push(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewer().transformProperty().get().rotation()).isEqualTo(90);
        assertAligned();
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertAligned();

        robot.push(KeyCode.G);
        assertThat(overlay.isVisible()).isFalse();
    }

    /** The overlay covers the image exactly, and image pixel (x, y) of the overlay lands where the viewer maps it. */
    private void assertAligned() {
        ImageView image = window.viewer().imageView();
        HeatmapOverlay overlay = ai.overlay();
        Bounds ib = image.localToScene(image.getBoundsInLocal());
        Bounds ob = overlay.localToScene(overlay.getBoundsInLocal());
        assertThat(ob.getMinX()).isCloseTo(ib.getMinX(), offset(0.01));
        assertThat(ob.getMinY()).isCloseTo(ib.getMinY(), offset(0.01));
        assertThat(ob.getWidth()).isCloseTo(ib.getWidth(), offset(0.01));
        assertThat(ob.getHeight()).isCloseTo(ib.getHeight(), offset(0.01));
        ViewTransform t = window.viewer().transformProperty().get();
        for (double[] pt : new double[][] {{10, 20}, {250, 40}, {123.5, 280}}) {
            double[] s = t.imageToScreen(pt[0], pt[1]);
            Point2D expected = window.viewer().localToScene(s[0], s[1]);
            Point2D actual = overlay.localToScene(pt[0], pt[1]);
            assertThat(actual.getX()).isCloseTo(expected.getX(), offset(0.01));
            assertThat(actual.getY()).isCloseTo(expected.getY(), offset(0.01));
        }
    }

    @Test
    void explainingAnotherClassGivesAnotherHeatmap(FxRobot robot) throws TimeoutException {
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.MULTICLASS));
        openAndAnalyse(robot, COVID);
        Heatmap predicted = ai.analysisProperty().get().heatmap();
        assertThat(predicted.classIndex()).isEqualTo(ai.analysisProperty().get().prediction().predictedIndex());
        javafx.scene.image.Image drawn = ai.overlay().getImage();
        float[] probabilities = ai.analysisProperty().get().prediction().probabilities();
        int other = (predicted.classIndex() + 1) % 3;
        @SuppressWarnings("unchecked")
        ChoiceBox<String> explain = robot.lookup("#explainChoice").queryAs(ChoiceBox.class);
        assertThat(explain.getValue()).isEqualTo(predicted.className());
        robot.interact(() -> explain.getSelectionModel().select(other));
        FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get().heatmap().classIndex() == other);
        Heatmap another = ai.analysisProperty().get().heatmap();
        assertThat(another.className()).isEqualTo(TinyModels.CLASSES.get(other));
        assertThat(another.values()).isNotEqualTo(predicted.values());
        assertThat(ai.overlay().getImage()).isNotSameAs(drawn);
        assertThat(ai.analysisProperty().get().prediction().probabilities()).as("the prediction is kept")
                .isEqualTo(probabilities);
    }

    @Test
    void runsOnDemandWhenSoSetAndSwitchesModels(FxRobot robot) throws TimeoutException {
        robot.interact(() -> ai.settings().autoRunProperty().set(false));
        robot.interact(() -> window.open(List.of(NORMAL)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().stateProperty().get() == LoadState.LOADED);
        assertThat(ai.analysisProperty().get()).isNull();
        assertThat(robot.lookup("#aiStatus").queryAs(Label.class).getText()).contains("Press Run");
        robot.clickOn("#runButton");
        FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get() != null);
        assertThat(ai.analysisProperty().get().prediction().classes()).hasSize(2);
        robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.MULTICLASS));
        assertThat(ai.analysisProperty().get()).as("a switch drops the other model's result").isNull();
        robot.clickOn("#runButton");
        FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get() != null);
        assertThat(ai.analysisProperty().get().model().metadata().name()).isEqualTo("cxr-multiclass");
        assertThat(robot.lookup("#prob-Viral_Pneumonia").tryQuery()).isPresent();
        assertThat(prefs.getBoolean("autoRun", true)).isFalse();
        assertThat(prefs.get("model", "")).isEqualTo(BundledModels.MULTICLASS);
    }

    @Test
    void combinedModelExplainsEitherClass(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("models");
        Path combined = dir.resolve(BundledModels.COMBINED);
        Combiner.combine(dir.resolve(BundledModels.BINARY), List.of(dir.resolve(BundledModels.MULTICLASS)), data,
                combined, "combine", ProgressListener.NONE);
        try {
            // The app's default and classify's are one: the site-trained network where installed, else this one
            assertThat(new AiSettings(prefs.node("fresh")).modelFileProperty().get())
                    .isEqualTo(BundledModels.defaultFileName()).isIn(BundledModels.TWO_RESOLUTIONS, BundledModels.EQUALIZED, BundledModels.COMBINED);
            robot.interact(() -> ai.settings().modelFileProperty().set(BundledModels.COMBINED));
            openAndAnalyse(robot, COVID);
            Analysis a = ai.analysisProperty().get();
            assertThat(a.model().metadata().name()).isEqualTo("covid-combined");
            assertThat(a.prediction().classes()).containsExactly("COVID", "non-COVID");
            assertThat(robot.lookup("#gradCamLayer").queryAs(Label.class).getText()).contains("2 networks");
            int other = 1 - a.heatmap().classIndex();
            @SuppressWarnings("unchecked")
            ChoiceBox<String> explain = robot.lookup("#explainChoice").queryAs(ChoiceBox.class);
            robot.interact(() -> explain.getSelectionModel().select(other));
            FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get().heatmap().classIndex() == other);
            assertThat(ai.analysisProperty().get().heatmap().values()).isNotEqualTo(a.heatmap().values());
        } finally {
            // The other tests expect the single network as the default
            Files.deleteIfExists(combined);
        }
    }

    @Test
    void theNextImageReplacesThePreviousResult(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.open(List.of(NORMAL)));
        FxTestSupport.await(WAIT_SECONDS, () -> window.model().stateProperty().get() == LoadState.LOADED);
        robot.interact(() -> window.open(List.of(COVID)));
        FxTestSupport.await(WAIT_SECONDS, () -> ai.analysisProperty().get() != null && !ai.inference().busy()
                && window.model().stateProperty().get() == LoadState.LOADED);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ai.analysedImage().source().toAbsolutePath().normalize()).isEqualTo(COVID);
        assertThat(logged.get(logged.size() - 1).image().toAbsolutePath().normalize()).isEqualTo(COVID);
    }

    @Test
    void exportsTheViewAndShowsTheModelCardAndSideBySide(FxRobot robot) throws Exception {
        openAndAnalyse(robot, COVID);
        robot.clickOn("#mainViewer").push(KeyCode.G);
        Path png = tmp.resolve("view.png");
        AtomicReference<CompletableFuture<Path>> export = new AtomicReference<>();
        robot.interact(() -> export.set(ai.exportView(png)));
        FxTestSupport.await(WAIT_SECONDS, () -> export.get().isDone());
        assertThat(export.get().get()).as("written, no failure").isEqualTo(png);
        BufferedImage written = ImageIO.read(png.toFile());
        assertThat(written.getWidth()).isGreaterThanOrEqualTo((int) window.viewer().getWidth());
        assertThat(written.getHeight()).isGreaterThan((int) window.viewer().getHeight());

        robot.clickOn("#modelCardButton");
        FxTestSupport.await(WAIT_SECONDS, () -> robot.lookup("#cardIntendedUse").tryQuery().isPresent());
        assertThat(robot.lookup("#cardIntendedUse").queryAs(Label.class).getText())
                .contains("teaching and research; not for clinical diagnosis");
        assertThat(robot.lookup("#aiScope").queryAs(Label.class).getText()).contains("knows only its classes");
        assertThat(robot.lookup("#cardIntendedUse").query().getScene().getStylesheets()).as("the model card's window")
                .containsExactly(Styles.STYLESHEET);
        assertThat(robot.lookup("#confusion-0-0").tryQuery()).as("confusion matrix from the metadata").isPresent();
        assertThat(robot.lookup("#cardMetric-accuracy").queryAs(Label.class).getText())
                .as("the test accuracy with its interval from the stored counts").matches("[01]\\.\\d{4} {3}\\(95% CI [01]\\.\\d{4}-[01]\\.\\d{4}\\)");
        assertThat(robot.lookup("#cardMetric-sensitivity").queryAs(Label.class).getText()).contains("(95% CI ");
        assertThat(robot.lookup("#cardMetric-auc").queryAs(Label.class).getText()).as("no interval without scores")
                .doesNotContain("CI");

        robot.interact(() -> ai.views().openSideBySide());
        FxTestSupport.await(WAIT_SECONDS, () -> ai.views().sideBySide().isShowing());
        Node side = ai.views().sideBySide().stage().getScene().lookup("#sideOverlay");
        assertThat(((ImageView) side).getImage()).isNotNull();
        assertThat(side.getScene().getStylesheets()).containsExactly(Styles.STYLESHEET);
        assertThat(((ImageView) ai.views().sideBySide().stage().getScene().lookup("#sideHeatmap")).getImage()).isNotNull();
    }
}
