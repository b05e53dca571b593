package org.lunglens.ui.teaching;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.lunglens.app.StartOptions;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.teaching.CaseSet;
import org.lunglens.teaching.Quiz;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.patientlog.AiRunRecorder;
import org.lunglens.ui.patientlog.PatientLogService;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * Teaching mode in the app, wired once at start: the "Teach" side tab, quizzes in their own window (the
 * presenter view is that window full screen), explanations of the open film. Reads go to the patient log through
 * {@code log}; AI runs shown at a reveal go through {@code aiRuns} (both may be null: then nothing is stored).
 */
public final class TeachingFeature {
    private final TabPane sideTabs;
    private final ViewerModel viewer;
    private final Supplier<String> modelFile;
    private final BackgroundWork work;
    private final PatientLogService log;
    private final AiRunRecorder aiRuns;
    private final TeachingPane pane;
    private java.util.function.Consumer<java.util.List<java.nio.file.Path>> open = files -> { };

    private TeachingFeature(TabPane sideTabs, ViewerModel viewer, Supplier<String> modelFile, BackgroundWork work,
                            PatientLogService log, AiRunRecorder aiRuns) {
        this.sideTabs = sideTabs;
        this.viewer = viewer;
        this.modelFile = modelFile;
        this.work = work;
        this.log = log;
        this.aiRuns = aiRuns;
        this.pane = new TeachingPane(this);
    }

    /**
     * Adds the "Teach" tab to {@code sideTabs}.
     *
     * @param viewer    the viewer whose film "Explain" explains
     * @param modelFile the model the AI tab is set to, read when a quiz or an explanation starts
     */
    public static TeachingFeature install(TabPane sideTabs, ViewerModel viewer, Supplier<String> modelFile,
                                          BackgroundWork work, PatientLogService log, AiRunRecorder aiRuns) {
        TeachingFeature f = new TeachingFeature(sideTabs, viewer, modelFile, work, log, aiRuns);
        ScrollPane scroll = new ScrollPane(f.pane);
        scroll.setFitToWidth(true);
        Tab tab = new Tab("Teach", scroll);
        tab.setId("tabTeach");
        sideTabs.getTabs().add(tab);
        return f;
    }

    /** Where a film chosen in a teaching view (a data set overview's thumbnail) is opened: the main viewer. */
    public void setOpener(java.util.function.Consumer<java.util.List<java.nio.file.Path>> opener) {
        open = opener;
    }

    /** Opens {@code file} in the main viewer. */
    void openInViewer(java.nio.file.Path file) {
        open.accept(java.util.List.of(file));
    }

    /**
     * Demo and screenshot start ({@code lunglens --quiz DIR --quiz-start presenter}, {@code --explain}): loads the
     * case set and, once read, starts what {@code quiz.start()} names; {@code explain} explains the first film
     * opened. Null quiz: no case set.
     */
    public void start(StartOptions.Quiz quiz, boolean explain) {
        if (quiz != null) {
            pane.setCases(quiz.cases(), quiz.seed());
            pane.load(quiz.folder(), quiz.csv());
            String start = quiz.start();
            if (!start.isEmpty()) {
                whenLoaded(set -> {
                    if (start.startsWith("lesson:")) {
                        pane.shortcutLesson(Path.of(start.substring("lesson:".length())));
                    } else if (start.equals("overview")) {
                        DataSetOverview.open(owner(), set, quiz.seed(), work, this::openInViewer);
                    } else {
                        startQuiz(set, quiz.cases(), quiz.seed(), start.equals("presenter"));
                    }
                });
            }
        }
        if (explain) {
            viewer.imageProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (viewer.image() != null) {
                        viewer.imageProperty().removeListener(this);
                        pane.explainOpenImage();
                    }
                }
            });
        }
    }

    private void whenLoaded(java.util.function.Consumer<CaseSet> action) {
        javafx.animation.Timeline poll = new javafx.animation.Timeline();
        poll.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(200), e -> {
            if (pane.caseSet() != null) {
                poll.stop();
                action.accept(pane.caseSet());
            }
        }));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        poll.play();
    }

    /** A quiz of {@code n} cases of {@code set} in its own window; full screen in the presenter view. */
    public QuizView startQuiz(CaseSet set, int n, long seed, boolean presenter) {
        QuizView view = createQuiz(set, n, seed);
        Stage stage = new Stage();
        stage.initOwner(owner());
        stage.setTitle("LungLens quiz: " + set.name() + " \u2014 teaching only, not for clinical use");
        Scene scene = Styles.scene(view, 1280, 860);
        view.install(scene);
        stage.setScene(scene);
        stage.setFullScreenExitHint("P or Esc leaves the presenter view");
        view.presenterProperty().addListener((o, was, on) -> presenterWindow(stage, on));
        stage.fullScreenProperty().addListener((o, was, full) -> view.presenterProperty().set(full));
        stage.show();
        view.presenterProperty().set(presenter);
        return view;
    }

    /**
     * Full screen, and the screen's bounds set explicitly as well: where no window manager runs (a kiosk, Xvfb)
     * full-screen requests are not honoured.
     */
    private static void presenterWindow(Stage stage, boolean on) {
        stage.setFullScreen(on);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        if (on) {
            stage.getProperties().put("windowedBounds", new double[] {stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()});
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        } else if (stage.getProperties().get("windowedBounds") instanceof double[] b) {
            stage.setX(b[0]);
            stage.setY(b[1]);
            stage.setWidth(b[2]);
            stage.setHeight(b[3]);
        }
    }

    /** The quiz's view, not yet in a window (tests put it in their own stage). */
    QuizView createQuiz(CaseSet set, int n, long seed) {
        QuizWork quizWork = new QuizWork(work, log, aiRuns, modelFile(), OverlayStyle.DEFAULT);
        QuizView view = new QuizView(new Quiz(set, n, seed), quizWork);
        view.setOnExplore(x -> ExplainContent.open(view.getScene().getWindow(), "quiz case " + (view.quiz().index() + 1), x, work));
        return view;
    }

    /** The model the AI tab is set to. */
    String modelFile() {
        return modelFile.get();
    }

    ViewerModel viewer() {
        return viewer;
    }

    /** The main window, owner of the feature's own windows; null before the tab is shown. */
    private javafx.stage.Window owner() {
        return sideTabs.getScene() == null ? null : sideTabs.getScene().getWindow();
    }

    BackgroundWork work() {
        return work;
    }

    TeachingPane pane() {
        return pane;
    }
}
