package org.lunglens.ui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.explain.Explanation;
import org.lunglens.explain.WhatIf;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.model.BundledModels;
import org.lunglens.model.LabelledImage;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.teaching.CaseSet;
import org.lunglens.teaching.Quiz;
import org.lunglens.teaching.QuizScore;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.SystemPropertyOverride;
import org.lunglens.testutil.TinyModels;
import org.lunglens.ui.FxTestSupport;
import org.lunglens.ui.MainWindow;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.KeyDisplay;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.patientlog.PatientLogService;
import org.lunglens.ui.viewer.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A five-case blinded quiz end to end, headless: reads entered by keys, reveal, next, the score, the CSV, and the
 * reads in a real patient log file, all stored as made before the AI. A tiny binary CNN trained here on real
 * films stands in for the bundled model.
 */
@ExtendWith(ApplicationExtension.class)
class QuizTest {
    private static final int WAIT_SECONDS = 90;
    private static final int CASES = 5;
    private static final long SEED = 3;

    @TempDir
    static Path tmp;
    private static Path data;
    private static SystemPropertyOverride models;

    private final Preferences prefs = Preferences.userRoot().node("org/lunglens/test-quiz-" + System.nanoTime());
    private BackgroundWork work;
    private PatientLogService log;
    private QuizView view;

    @BeforeAll
    static void tinyModelAndCaseSet() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 14, TinyModels.CLASSES);
        TinyModels.train(data, "binary", tmp.resolve("models").resolve(BundledModels.BINARY), 2);
        models = SystemPropertyOverride.set("lunglens.models", tmp.resolve("models").toString());
    }

    @AfterAll
    static void restoreModels() {
        models.restore();
    }

    @Start
    void start(Stage stage) throws Exception {
        work = new BackgroundWork();
        log = new PatientLogService();
        log.open(tmp.resolve("log-" + System.nanoTime() + ".db"));
        MainWindow window = new MainWindow(work, new RecentFiles(prefs.node("recent")), prefs);
        TeachingFeature teaching = TeachingFeature.install(window.sideTabs(), window.model(),
                () -> window.aiPane().settings().modelFileProperty().get(), work, log, null);
        view = teaching.createQuiz(CaseSet.fromFolder(data), CASES, SEED);
        Scene scene = Styles.scene(view, 1200, 780);
        view.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        if (log.state() != PatientLogService.State.CLOSED) {
            log.close();
        }
        work.shutdown();
        prefs.removeNode();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The node and every parent are visible. */
    private static boolean shown(FxRobot robot, String id) {
        for (javafx.scene.Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aFiveCaseQuizIsReadRevealedScoredAndLogged(FxRobot robot) throws Exception {
        FxTestSupport.await(WAIT_SECONDS, () -> log.state() == PatientLogService.State.READY);
        Quiz quiz = view.quiz();
        List<String> labels = quiz.caseSet().classes();
        assertThat(labels).containsExactly("COVID", "Normal", "Viral_Pneumonia");
        assertThat(quiz.cases()).hasSize(CASES).isEqualTo(CaseSet.fromFolder(data).sample(CASES, SEED));
        List<String> reads = new ArrayList<>();
        robot.clickOn("#quizHeader");
        for (int i = 0; i < CASES; i++) {
            LabelledImage c = quiz.cases().get(i);
            // Right on even cases, a wrong label on odd ones.
            String read = i % 2 == 0 ? c.folder() : labels.get((labels.indexOf(c.folder()) + 1) % labels.size());
            reads.add(read);
            assertThat(text(robot, "#quizHeader")).startsWith("Case " + (i + 1) + " of 5");
            assertThat(shown(robot, "#quizTruth")).as("blinded: no truth").isFalse();
            assertThat(shown(robot, "#quizAi")).as("blinded: no AI").isFalse();
            assertThat(robot.lookup("#quizReveal").queryButton().isDisabled()).as("no reveal before a read").isTrue();
            robot.push(KeyCode.S);
            assertThat(quiz.phase()).isEqualTo(Quiz.Phase.READING);
            robot.push(KeyCode.valueOf("DIGIT" + (labels.indexOf(read) + 1)));
            robot.push(KeyCode.UP); // 70 % -> 80 %
            robot.push(KeyCode.S);
            assertThat(quiz.phase()).isEqualTo(Quiz.Phase.REVEALED);
            int k = i;
            FxTestSupport.await(WAIT_SECONDS, () -> quiz.modelOutput(k) != null && text(robot, "#quizAi").contains("AI says"));
            assertThat(shown(robot, "#quizTruth")).isTrue();
            assertThat(shown(robot, "#quizAi")).isTrue();
            assertThat(text(robot, "#quizTruth")).contains("Truth: " + c.folder()).contains("Your read: " + read)
                    .contains("80 %").contains(i % 2 == 0 ? "right" : "wrong");
            assertThat(text(robot, "#quizAi")).contains("COVID").contains("non-COVID");
            robot.push(KeyCode.N);
        }
        assertThat(quiz.phase()).isEqualTo(Quiz.Phase.FINISHED);

        // The score, recomputed here from the truths, the reads and the model's own outputs.
        int readerRight = 0;
        int aiRight = 0;
        int agree = 0;
        for (int i = 0; i < CASES; i++) {
            String truth = quiz.cases().get(i).folder();
            readerRight += reads.get(i).equals(truth) ? 1 : 0;
            Quiz.ModelOutput out = quiz.modelOutput(i);
            assertThat(out.scores().classes()).containsExactly("COVID", "non-COVID");
            float[] p = out.scores().values();
            String aiSays = p[0] > p[1] ? "COVID" : "non-COVID";
            aiRight += aiSays.equals(truth.equals("COVID") ? "COVID" : "non-COVID") ? 1 : 0;
            agree += aiSays.equals(reads.get(i).equals("COVID") ? "COVID" : "non-COVID") ? 1 : 0;
        }
        assertThat(readerRight).isEqualTo(3);
        FxTestSupport.await(WAIT_SECONDS, () -> robot.lookup("#scoreReader").tryQuery().isPresent());
        assertThat(text(robot, "#scoreReader")).isEqualTo("3 / 5 (60 %)");
        assertThat(text(robot, "#scoreAi")).isEqualTo(QuizScore.fraction(aiRight, CASES));
        assertThat(text(robot, "#scoreAgreement")).isEqualTo(QuizScore.fraction(agree, CASES));
        int diagonal = 0;
        int all = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int n = Integer.parseInt(text(robot, "#confusion-" + r + "-" + c));
                all += n;
                diagonal += r == c ? n : 0;
            }
        }
        assertThat(all).isEqualTo(CASES);
        assertThat(diagonal).isEqualTo(3);

        Path csv = tmp.resolve("quiz.csv");
        robot.interact(() -> {
            try {
                view.scorePane().export(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("case,file,truth,read,confidence");
        assertThat(lines.subList(1, 6)).allMatch(l -> l.contains(",0.80,"));
        assertThat(lines).contains("reader_correct,3", "ai_correct," + aiRight, "reader_ai_agree," + agree, "seed,3");

        // Every read in the patient log file, as made before the AI, and marked as a quiz's.
        FxTestSupport.await(WAIT_SECONDS, () -> text(robot, "#quizLogStatus").startsWith("5 of 5 reads saved"));
        Path db = log.fileProperty().get();
        robot.interact(() -> log.close());
        try (PatientLog stored = PatientLog.open(db)) {
            for (int i = 0; i < CASES; i++) {
                Path file = quiz.cases().get(i).file();
                long imageId = stored.images().findBySha256(FileFingerprint.of(file).sha256()).orElseThrow().id();
                List<ReadRecord> r = stored.reads().forImage(imageId, false);
                assertThat(r).as("reads of case %d", i + 1).hasSize(1);
                assertThat(r.get(0).finding()).isEqualTo(reads.get(i));
                assertThat(r.get(0).confidence()).isEqualTo(0.8);
                assertThat(r.get(0).afterAi()).isFalse();
                assertThat(r.get(0).text()).contains("Teaching quiz").contains("case " + (i + 1) + " of 5");
                assertThat(r.get(0).source()).as("teaching, not patient care").isEqualTo(ReadRecord.Source.QUIZ);
            }
            assertThat(stored.readPairs()).as("quiz reads stay out of a site's agreement").isEmpty();
            assertThat(stored.search(org.lunglens.patientlog.LogQuery.all())).as("nor in the patient table's reads")
                    .allMatch(row -> row.readFinding() == null);
        }
    }

    @Test
    void thePresenterViewShowsTheKeysPressed(FxRobot robot) throws Exception {
        KeyDisplay keys = robot.lookup("#keyDisplay").queryAs(KeyDisplay.class);
        // The keys stay 2 s; on a busy CI machine two presses can be further apart than that
        robot.interact(() -> keys.holdFor(javafx.util.Duration.minutes(1)));
        robot.clickOn("#quizHeader");
        robot.push(KeyCode.P);
        assertThat(view.presenterProperty().get()).isTrue();
        // the stylesheet's presenter view, as drawn: large type (the header is 1.3em) on black
        robot.interact(view::applyCss);
        Label header = robot.lookup("#quizHeader").queryAs(Label.class);
        assertThat(header.getFont().getSize()).isCloseTo(28 * 1.3, within(0.01));
        assertThat(view.getBackground().getFills().get(0).getFill()).isEqualTo(Color.BLACK);
        assertThat(keys.isVisible()).isTrue();
        robot.push(KeyCode.DIGIT2);
        assertThat(keys.getText()).isEqualTo("P   2");
        assertThat(keys.getOpacity()).isEqualTo(1.0);

        robot.interact(() -> keys.holdFor(javafx.util.Duration.millis(50)));
        robot.push(KeyCode.UP);
        FxTestSupport.await(WAIT_SECONDS, () -> keys.getOpacity() == 0);
        robot.push(KeyCode.DOWN);
        assertThat(keys.getText()).as("keys older than the hold are gone").isEqualTo("Down");
        robot.push(KeyCode.P);
        assertThat(view.presenterProperty().get()).isFalse();
        robot.interact(view::applyCss);
        assertThat(header.getFont().getSize()).isCloseTo(14 * 1.3, within(0.01));
        assertThat(view.getBackground().getFills().get(0).getFill()).isNotEqualTo(Color.BLACK);
    }

    @Test
    void theExplainWindowShowsBothMapsAndWhatIfRunsTheModelAgain(FxRobot robot) throws Exception {
        var pixels = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png")).pixels();
        var result = new AtomicReference<Explanation>();
        robot.interact(() -> ExplainContent.explain(work, BundledModels.BINARY, pixels, (x, t) -> result.set(x)));
        FxTestSupport.await(WAIT_SECONDS, () -> result.get() != null);
        var x = result.get();
        assertThat(x.occlusion().map().width()).as("the tiny model's input size").isEqualTo(32);
        assertThat(x.occlusion().passes()).isEqualTo(15 * 15); // 4 px patch, stride 2 at 32 px: starts 0, 2, ..., 28
        var content = new AtomicReference<ExplainContent>();
        robot.interact(() -> content.set((ExplainContent) ExplainContent.open(null, "COVID-1.png", x, work)
                .getScene().getRoot()));
        assertThat(content.get().whatIfText()).startsWith("What if: drag");
        robot.interact(() -> content.get().runWhatIf(new WhatIf.Region(0, 0, 1, 0.5)));
        FxTestSupport.await(WAIT_SECONDS, () -> content.get().whatIfText().startsWith("With the region hidden"));
        assertThat(content.get().whatIfText()).contains("COVID").contains("points");
    }

    @Test
    void theDataSetOverviewCountsAndSamplesEveryClass(FxRobot robot) throws Exception {
        CaseSet set = CaseSet.fromFolder(data);
        var overview = new AtomicReference<DataSetOverview>();
        var opened = new java.util.concurrent.CopyOnWriteArrayList<Path>();
        robot.interact(() -> overview.set((DataSetOverview) ((ScrollPane) DataSetOverview
                .open(null, set, 1, work, opened::add).getScene().getRoot()).getContent()));
        FxTestSupport.await(WAIT_SECONDS, () -> overview.get().thumbnailCount() == 3 * DataSetOverview.SAMPLES);
        // a double-click on a thumbnail opens that film in the viewer
        javafx.scene.Node first = robot.from(overview.get()).lookup(".sample-thumbnail").query();
        robot.doubleClickOn(first);
        FxTestSupport.await(WAIT_SECONDS, () -> opened.size() == 1);
        assertThat(opened.get(0)).exists();
        assertThat(opened.get(0).toAbsolutePath().normalize()).startsWithRaw(data.toAbsolutePath().normalize());
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> chart = robot.lookup("#classCounts").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(chart.getData().get(0).getData()).extracting(d -> d.getYValue().intValue()).containsExactly(14, 14, 14);
    }
}
