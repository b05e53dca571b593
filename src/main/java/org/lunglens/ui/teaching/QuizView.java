package org.lunglens.ui.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.lunglens.explain.Explanation;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.teaching.Quiz;
import org.lunglens.teaching.QuizAnswer;
import org.lunglens.ui.common.FitImage;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.common.KeyDisplay;
import org.lunglens.ui.common.Styles;

/**
 * A blinded quiz: the film alone until the reader commits a class (keys 1-9 or the buttons) and a confidence
 * (slider, Up/Down); then S reveals the truth, the AI's probabilities, its Grad-CAM and the occlusion map; N goes
 * on; after the last case, the score. P switches the presenter view (large type, high contrast, keys shown on
 * screen; the window opener makes it full screen). Each read is stored in the patient log as made before the AI.
 */
final class QuizView extends StackPane {

    private final Quiz quiz;
    private final QuizWork work;
    /** What the quiz knows of each case so far, in quiz order. */
    private final List<CaseState> cases = new ArrayList<>();
    private final BorderPane layout = new BorderPane();
    private final Label header = new Label();
    private final FitImage film = new FitImage();
    private final ToggleGroup classes = new ToggleGroup();
    private static final double DEFAULT_CONFIDENCE = 70;

    private final Slider confidence = new Slider(0, 100, DEFAULT_CONFIDENCE);
    private final Button reveal = new Button("Reveal (S)");
    private final Button next = new Button("Next (N)");
    private final Button explore = new Button("What if... (E)");
    private final QuizReveal revealed = new QuizReveal();
    private final Label status = new Label();
    /** Class buttons, confidence and Reveal: shown only while the case is being read. */
    private final VBox reading = new VBox(10);
    private final QuizScorePane scorePane;
    private final KeyDisplay keys = new KeyDisplay();
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private Consumer<Explanation> onExplore = x -> { };
    private int saved;
    private String logProblem;

    QuizView(Quiz quiz, QuizWork work) {
        this.quiz = quiz;
        this.work = work;
        for (int i = 0; i < quiz.size(); i++) {
            cases.add(new CaseState());
        }
        this.scorePane = new QuizScorePane(quiz);
        setId("quizView");
        header.setId("quizHeader");
        header.getStyleClass().add("page-title");
        status.setId("quizStatus");
        status.setWrapText(true);
        reveal.setId("quizReveal");
        next.setId("quizNext");
        explore.setId("quizExplore");
        reveal.setOnAction(e -> reveal());
        next.setOnAction(e -> next());
        explore.setOnAction(e -> explore());
        revealed.texts().getChildren().add(explore);
        layout.setTop(header);
        layout.setRight(controls());
        BorderPane.setMargin(header, new Insets(0, 0, 10, 0));
        layout.setPadding(new Insets(14));
        getStyleClass().add("quiz-view");
        presenter.addListener((o, was, on) -> Styles.setState(this, "presenter", on)); // large type, high contrast
        keys.visibleProperty().bind(presenter);
        StackPane.setAlignment(keys, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(keys, new Insets(24));
        getChildren().addAll(layout, keys);
        for (int i = 0; i < quiz.size(); i++) {
            int k = i;
            work.explain(quiz.cases().get(i).file(), (x, problem) -> explained(k, x, problem));
        }
        showCase();
    }

    private VBox controls() {
        VBox buttons = new VBox(6);
        List<String> labels = quiz.caseSet().classes();
        for (int i = 0; i < labels.size(); i++) {
            ToggleButton b = new ToggleButton((i < 9 ? (i + 1) + "  " : "") + labels.get(i));
            b.setId("quizClass-" + labels.get(i));
            b.setUserData(labels.get(i));
            b.setMnemonicParsing(false); // "Viral_Pneumonia" keeps its underscore
            b.setToggleGroup(classes);
            b.setMaxWidth(Double.MAX_VALUE);
            buttons.getChildren().add(b);
        }
        confidence.setId("quizConfidence");
        confidence.setMajorTickUnit(25);
        confidence.setShowTickLabels(true);
        Label value = new Label();
        value.textProperty().bind(confidence.valueProperty().asString("Confidence %.0f %%"));
        reveal.setMaxWidth(Double.MAX_VALUE);
        next.setMaxWidth(Double.MAX_VALUE);
        reveal.disableProperty().bind(classes.selectedToggleProperty().isNull());
        Label read = new Label("Your read");
        read.getStyleClass().add("section-title");
        reading.getChildren().addAll(read, buttons, value, confidence, reveal);
        status.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines are never cut to "..."
        VBox box = new VBox(10, reading, next, revealed.texts(), status);
        box.setPadding(new Insets(0, 0, 0, 14));
        box.setPrefWidth(360);
        box.setMinWidth(300);
        box.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(presenter).then(560).otherwise(360));
        return box;
    }

    /** Keys: 1-9 class, Up/Down confidence, S reveal, N next, E what if, P presenter view. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            keys.show(e);
            if (handle(e.getCode())) {
                e.consume();
            }
        });
    }

    private boolean handle(KeyCode code) {
        if (code.isDigitKey()) {
            int k = Integer.parseInt(code.getName().replaceAll("\\D", "")) - 1;
            if (quiz.phase() == Quiz.Phase.READING && k >= 0 && k < classes.getToggles().size()) {
                classes.selectToggle(classes.getToggles().get(k));
            }
            return true;
        }
        switch (code) {
            case S -> reveal();
            case N -> next();
            case E -> explore();
            case P -> presenter.set(!presenter.get());
            case UP -> confidence.setValue(Math.min(100, confidence.getValue() + 10));
            case DOWN -> confidence.setValue(Math.max(0, confidence.getValue() - 10));
            default -> {
                return false;
            }
        }
        return true;
    }

    BooleanProperty presenterProperty() {
        return presenter;
    }

    /** Where "What if..." sends the revealed case (the explain window). */
    void setOnExplore(Consumer<Explanation> action) {
        onExplore = action;
    }

    Quiz quiz() {
        return quiz;
    }

    QuizScorePane scorePane() {
        return scorePane;
    }

    void reveal() {
        Object chosen = classes.getSelectedToggle() == null ? null : classes.getSelectedToggle().getUserData();
        if (quiz.phase() != Quiz.Phase.READING || chosen == null) {
            return;
        }
        int i = quiz.index();
        QuizAnswer answer = quiz.commit((String) chosen, Math.round(confidence.getValue()) / 100.0);
        if (cases.get(i).film != null) {
            save(i, answer);
        } else {
            cases.get(i).unsaved = answer;
        }
        showCase();
    }

    private void save(int i, QuizAnswer answer) {
        String note = String.format(Locale.ROOT, "Teaching quiz '%s', seed %d, case %d of %d (blinded: entered "
                + "before the AI and the truth were shown)", quiz.caseSet().name(), quiz.seed(), i + 1, quiz.size());
        work.saveRead(cases.get(i).film, answer, note, problem -> {
            if (problem == null) {
                saved++;
                status.setText("Read saved to the patient log (before AI).");
            } else {
                status.setText(problem);
                logProblem = problem;
            }
            scorePane.setLogStatus(String.format(Locale.ROOT, "%d of %d reads saved to the patient log, each marked as "
                    + "entered before the AI was shown.%s", saved, quiz.size(), logProblem == null ? "" : " " + logProblem));
        });
        if (cases.get(i).explanation != null) {
            work.logAiRun(cases.get(i).film, cases.get(i).explanation);
        }
    }

    void next() {
        if (quiz.phase() != Quiz.Phase.REVEALED) {
            return;
        }
        quiz.next();
        classes.selectToggle(null);
        confidence.setValue(DEFAULT_CONFIDENCE); // each read's confidence is chosen afresh, not carried over
        status.setText("");
        showCase();
    }

    private void explore() {
        Explanation x = cases.get(quiz.index()).explanation;
        if (quiz.phase() == Quiz.Phase.REVEALED && x != null) {
            onExplore.accept(x);
        }
    }

    private void explained(int i, Explanation x, String problem) {
        cases.get(i).explanation = x;
        cases.get(i).aiProblem = problem;
        if (x != null) {
            var a = x.analysis();
            quiz.setModelOutput(i, new Quiz.ModelOutput(a.model().title(), a.prediction().scores(),
                    a.model().metadata().isBinary()));
        }
        if (i == quiz.index() || quiz.phase() == Quiz.Phase.FINISHED) {
            showCase();
        }
    }

    private void showCase() {
        if (quiz.phase() == Quiz.Phase.FINISHED) {
            header.setText("Score \u2014 " + quiz.caseSet().name() + ", " + quiz.size() + " cases, seed " + quiz.seed());
            scorePane.refresh();
            layout.setCenter(scorePane);
            layout.setRight(null);
            return;
        }
        int i = quiz.index();
        boolean isRevealed = quiz.phase() == Quiz.Phase.REVEALED;
        header.setText(String.format(Locale.ROOT, "Case %d of %d%s", i + 1, quiz.size(),
                isRevealed ? "" : " \u2014 read the film, choose a class and a confidence, then reveal (S)"));
        classes.getToggles().forEach(t -> ((Node) t).setDisable(isRevealed));
        confidence.setDisable(isRevealed);
        next.setDisable(!isRevealed);
        next.setText(i + 1 == quiz.size() ? "Score (N)" : "Next (N)");
        revealed.texts().setVisible(isRevealed);
        revealed.texts().setManaged(isRevealed);
        reading.setVisible(!isRevealed);
        reading.setManaged(!isRevealed);
        if (cases.get(i).film == null) {
            film.setImage(null);
            work.loadFilm(quiz.current().file(), (img, problem) -> {
                cases.get(i).film = img;
                if (img == null) {
                    status.setText(problem + " (a read of it is not saved)");
                    return;
                }
                if (cases.get(i).unsaved != null) {
                    save(i, cases.get(i).unsaved);
                    cases.get(i).unsaved = null;
                }
                if (quiz.index() == i && quiz.phase() != Quiz.Phase.FINISHED) {
                    showCase();
                }
            });
        }
        if (!isRevealed) {
            film.setImage(cases.get(i).film == null ? null
                    : FxImages.of(HeatmapRenderer.grayImage(cases.get(i).film.pixels(), 512)));
            layout.setCenter(film);
            return;
        }
        showReveal(i);
    }

    private void showReveal(int i) {
        Node maps = revealed.show(quiz.answer(i), cases.get(i).explanation, cases.get(i).aiProblem);
        layout.setCenter(maps == null ? film : maps);
    }

    /**
     * One case's film once loaded, its explanation or the reason there is none, and a read committed before its
     * film had loaded (saved once it has).
     */
    private static final class CaseState {
        LoadedImage film;
        Explanation explanation;
        String aiProblem;
        QuizAnswer unsaved;
    }
}
