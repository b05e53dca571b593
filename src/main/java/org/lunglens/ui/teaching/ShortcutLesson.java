package org.lunglens.ui.teaching;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.app.InferenceService;
import org.lunglens.app.TaskHandle;
import org.lunglens.explain.SiteComparison;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.model.BundledModels;
import org.lunglens.model.SiteShift;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.common.Styles;

/**
 * The "shortcut learning" lesson window: the model on films like its training data beside another site's films,
 * with each side's figures and a few films with their COVID heatmap (see {@link SiteComparison}).
 */
final class ShortcutLesson extends VBox {
    /** Films drawn from each side: enough to show the pattern in seconds. */
    static final int FILMS_PER_SIDE = 100;
    private static final int EXAMPLES = 6;

    /** What the two sides show, computed in the background. */
    record Result(String model, SiteComparison.Side own, SiteComparison.Side other) {
    }

    ShortcutLesson(Result r) {
        setId("shortcutLesson");
        setSpacing(10);
        setPadding(new Insets(12));
        Label title = new Label("Shortcut learning: " + r.model() + " on films like its training data and on another "
                + "site's films");
        title.getStyleClass().add("page-title");
        title.setWrapText(true);
        Label intro = new Label("A network learns whatever separates its training classes best. In this data set most "
                + "COVID films come from a few hospitals and most normal films from another data set, so the hospital "
                + "itself (exposure, processing, markers, borders) predicts the label. A model that learned it looks "
                + "excellent on films like its training data and calls another site's films COVID, confidently "
                + "(DeGrave et al., Nature Machine Intelligence 2021). Compare the two sides: the share called COVID, "
                + "the share the model's own familiarity check flags, where the heat lies, and whether the films, "
                + "taken together, are unlike the training films: another site's films can each pass the per-film "
                + "check while their group is plainly different.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        GridPane sides = new GridPane();
        sides.setHgap(18);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            sides.getColumnConstraints().add(half);
        }
        sides.addRow(0, side(r.own(), "own"), side(r.other(), "other"));
        Label reading = new Label("How to read it: each heatmap shows where the model found evidence for the class it "
                + "called. Heat "
                + "on the lungs is what a reader hopes for; heat on borders, text, markers or outside the body means "
                + "the model reads the film's origin. A film flagged unfamiliar is unlike the films the model learned "
                + "from: the app says its reading is not reliable there. " + HeatmapRenderer.DISCLAIMER);
        reading.setWrapText(true);
        reading.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, intro, sides, reading);
    }

    private static VBox side(SiteComparison.Side s, String id) {
        Label name = new Label(s.name());
        name.getStyleClass().add("subsection-title");
        name.setWrapText(true);
        Label figures = new Label(String.format(Locale.ROOT, "%d films%s%ncalled COVID: %d (%s)%nflagged unfamiliar: "
                + "%d (%s)%nCOVID calls with the heat mostly outside the chest: %d of %d", s.films(),
                s.unreadable() > 0 ? " (" + s.unreadable() + " unreadable skipped)" : "", s.calledCovid(),
                percent(s.share(s.calledCovid())), s.unfamiliar(), percent(s.share(s.unfamiliar())), s.heatOutside(),
                s.calledCovid()) + System.lineSeparator() + takenTogether(s));
        figures.setId("lessonFigures-" + id);
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.getStyleClass().add("lesson-figures");
        TilePane films = new TilePane(8, 8);
        films.setPrefColumns(3);
        for (SiteComparison.Example e : s.examples()) {
            ImageView view = new ImageView(FxImages.of(e.view()));
            view.setFitWidth(180);
            view.setPreserveRatio(true);
            var p = e.analysis().prediction();
            Label caption = new Label(String.format(Locale.ROOT, "%s%n%s %.0f%%%s", e.file().getFileName(),
                    p.predictedClass(), 100 * p.probabilities()[p.predictedIndex()],
                    p.unfamiliar() ? " \u00b7 unfamiliar" : ""));
            caption.setMaxWidth(180);
            if (p.unfamiliar()) {
                caption.getStyleClass().add("warning-text");
            }
            films.getChildren().add(new VBox(2, view, caption));
        }
        return new VBox(8, name, figures, films);
    }

    /** The side's films as a group: the shift that no single film shows. */
    static String takenTogether(SiteComparison.Side s) {
        SiteShift shift = s.siteShift();
        if (shift == null) {
            return "taken together: not judged (the model has no site check, or too few films passed one at a time)";
        }
        if (shift.mostlyFlagged()) {
            return String.format(Locale.ROOT, "taken together: UNLIKE the training films (%d of %d flagged one at a "
                    + "time)", shift.flagged(), shift.flagged() + shift.films());
        }
        return shift.shifted()
                ? String.format(Locale.ROOT, "taken together: UNLIKE the training films (distance %.2f, at most %.2f), "
                        + "though each film may look ordinary", shift.distance(),
                        shift.threshold())
                : String.format(Locale.ROOT, "taken together: like the training films (distance %.2f, at most %.2f)",
                        shift.distance(), shift.threshold());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * Runs the lesson on the AI thread with progress, then calls {@code done} on the FX thread with the result or
     * the failure. Cancelling the task (the status bar's cancel) stops after the film in hand.
     */
    static TaskHandle compute(InferenceService inference, String modelFile, String ownName, List<Path> own,
                              String otherName, List<Path> other, BiConsumer<Result, Throwable> done) {
        return inference.submit("Shortcut lesson", (models, context) -> {
            var session = models.get(BundledModels.require(modelFile));
            SiteComparison lesson = new SiteComparison(session, FILMS_PER_SIDE, EXAMPLES, 1);
            int total = Math.min(FILMS_PER_SIDE, own.size()) + Math.min(FILMS_PER_SIDE, other.size());
            SiteComparison.Side a = lesson.side(ownName, own,
                    (d, t, m) -> context.progress(d, total), context::isCancelled);
            int first = a.films() + a.unreadable();
            SiteComparison.Side b = lesson.side(otherName, other,
                    (d, t, m) -> context.progress(first + d, total), context::isCancelled);
            return new Result(session.info().title(), a, b);
        }, r -> done.accept(r, null), problem -> done.accept(null, problem));
    }

    static Stage open(Window owner, Result r) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("LungLens \u2014 shortcut learning");
        ScrollPane scroll = new ScrollPane(new ShortcutLesson(r));
        scroll.setFitToWidth(true);
        stage.setScene(Styles.scene(scroll, 1280, 900));
        stage.show();
        return stage;
    }
}
