package org.lunglens.ui.teaching;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.teaching.CaseSet;

/**
 * The "Teach" tab: choose a case set (a folder of class folders, or a CSV of {@code path,label} whose relative
 * paths start at the CSV's folder), see its overview, start a blinded quiz (windowed or in the presenter view),
 * and explain the open film with Grad-CAM beside occlusion sensitivity and the "what if" tool.
 */
final class TeachingPane extends VBox {
    private final TeachingFeature feature;
    private final Label setLabel = new Label("No case set chosen.");
    private final Spinner<Integer> cases = new Spinner<>(1, 200, 10);
    private final TextField seed = new TextField("1");
    private final Label status = new Label();
    private CaseSet caseSet;

    TeachingPane(TeachingFeature feature) {
        this.feature = feature;
        setId("teachingPane");
        setSpacing(10);
        setPadding(new Insets(8));
        setLabel.setId("caseSetLabel");
        setLabel.setWrapText(true);
        status.setId("teachStatus");
        status.setWrapText(true);
        cases.setId("quizCases");
        cases.setEditable(true);
        cases.setPrefWidth(90);
        seed.setId("quizSeed");
        seed.setPrefColumnCount(6);
        Button folder = new Button("Folder ...");
        folder.setOnAction(e -> chooseFolder());
        Button csv = new Button("CSV ...");
        csv.setOnAction(e -> chooseCsv());
        Button overview = new Button("Overview");
        overview.setId("overviewButton");
        Button quiz = new Button("Start quiz");
        quiz.setId("startQuiz");
        Button presenter = new Button("Start in presenter view");
        presenter.setId("startPresenter");
        overview.setOnAction(e -> DataSetOverview.open(getScene().getWindow(), caseSet, seed(), feature.work(),
                feature::openInViewer));
        quiz.setOnAction(e -> feature.startQuiz(caseSet, cases.getValue(), seed(), false));
        presenter.setOnAction(e -> feature.startQuiz(caseSet, cases.getValue(), seed(), true));
        Button lesson = new Button("Shortcut learning: these films vs another site ...");
        lesson.setId("shortcutLessonButton");
        lesson.setOnAction(e -> chooseOtherSite());
        for (Button b : new Button[] {overview, quiz, presenter, lesson}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> caseSet == null,
                    setLabel.textProperty()));
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Cases"), cases);
        form.addRow(1, new Label("Seed"), seed);
        Button explain = new Button("Grad-CAM vs occlusion, what if ...");
        explain.setId("explainButton");
        explain.setOnAction(e -> explainOpenImage());
        explain.disableProperty().bind(feature.viewer().imageProperty().isNull());
        Label keys = new Label("Quiz keys: 1-9 class, Up/Down confidence, S reveal, N next, E what if, "
                + "P presenter view (full screen, large type, keys shown), Esc leaves full screen.");
        keys.setWrapText(true);
        keys.getStyleClass().add("secondary-text");
        getChildren().addAll(title("Case set"), new HBox(8, folder, csv), setLabel, form, overview,
                new HBox(8, quiz, presenter), keys, title("Lesson"), lesson, title("Open film"), explain, status);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subsection-title");
        return l;
    }

    private long seed() {
        try {
            return Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            seed.setText("1");
            return 1;
        }
    }

    private void chooseFolder() {
        File dir = new DirectoryChooser().showDialog(getScene().getWindow());
        if (dir != null) {
            load(dir.toPath(), null);
        }
    }

    private void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (path,label)", "*.csv"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            load(f.toPath().getParent(), f.toPath());
        }
    }

    /** Reads the case set in the background; {@code csv} null = class sub-folders. */
    void load(Path folder, Path csv) {
        status.setText("Reading " + (csv == null ? folder : csv) + " ...");
        feature.work().execute(TaskExecutor.Lane.LOAD, BackgroundTask.of("Case set",
                c -> csv == null ? CaseSet.fromFolder(folder) : CaseSet.fromCsv(folder, csv)).onSuccess(set -> {
                    caseSet = set;
                    status.setText("");
                    setLabel.setText(set.name() + ": " + set.cases().size() + " films, " + set.counts());
                }).onFailure(problem -> status.setText("Not a case set: " + problem.getMessage())));
    }

    private void chooseOtherSite() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Another site's films (a folder of class folders)");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            shortcutLesson(dir.toPath());
        }
    }

    /** The shortcut-learning lesson: the model on this case set's films beside {@code otherSite}'s films. */
    void shortcutLesson(Path otherSite) {
        if (caseSet == null) {
            return;
        }
        List<Path> other;
        try {
            other = org.lunglens.model.DataFolder.scan(otherSite).images().stream()
                    .map(org.lunglens.model.LabelledImage::file).toList();
        } catch (IOException e) {
            status.setText("Not a folder of films: " + e.getMessage());
            return;
        }
        status.setText("Running the model on " + caseSet.name() + " and " + otherSite.getFileName() + " ...");
        List<Path> own = caseSet.cases().stream().map(org.lunglens.model.LabelledImage::file).toList();
        ShortcutLesson.compute(feature.work().inference(), feature.modelFile(), caseSet.name() + " (like the training "
                + "films)", own, otherSite.getFileName() + " (another site)", other, (r, t) -> {
                    status.setText(t == null ? "" : "The lesson failed: " + t.getMessage());
                    if (r != null) {
                        ShortcutLesson.open(getScene().getWindow(), r);
                    }
                });
    }

    CaseSet caseSet() {
        return caseSet;
    }

    void setCases(int n, long seedValue) {
        cases.getValueFactory().setValue(n);
        seed.setText(String.valueOf(seedValue));
    }

    void explainOpenImage() {
        var img = feature.viewer().image();
        if (img == null) {
            return;
        }
        status.setText("Explaining " + img.fileName() + " (Grad-CAM and occlusion) ...");
        ExplainContent.explain(feature.work(), feature.modelFile(), img.pixels(), (x, t) -> {
            status.setText(t == null ? "" : t.getMessage());
            if (x != null) {
                ExplainContent.open(getScene().getWindow(), img.fileName(), x, feature.work());
            }
        });
    }
}
