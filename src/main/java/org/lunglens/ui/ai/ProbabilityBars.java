package org.lunglens.ui.ai;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.lunglens.model.Calibration;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Prediction;

/**
 * Every class's probability as a horizontal bar chart; the predicted class in bold; under it, when the model's
 * test report says, how often the model was right at this confidence on its test split (not for a film the
 * model's familiarity check flags: that record is not about such films), and that the record does not cover other
 * hospitals' films.
 */
final class ProbabilityBars extends GridPane {
    private static final double BAR_WIDTH = 150;

    /**
     * The record above is the model's on films like its training data; a reader's own films are another hospital's,
     * where the familiarity check rarely fires (docs/MODELS.md, "Two more sources of normal films": 31-70% of 518
     * normal films of two unseen sources called COVID by the bundled models, 0-9% flagged). An adapted model has no
     * test record, so neither line shows for it.
     */
    static final String OTHER_SITES = "That record is on films like its training data, not on your hospital's: on "
            + "normal films from sources they never saw, the bundled models called 31-70% COVID, many at 90% or more. "
            + "Check the model on your own films and adapt it to them first (Check a folder against the model ...).";

    ProbabilityBars() {
        setId("probabilityBars");
        setHgap(8);
        setVgap(4);
    }

    void show(Prediction p) {
        show(p, null);
    }

    void show(Prediction p, Calibration calibration) {
        getChildren().clear();
        if (p == null) {
            return;
        }
        int best = p.predictedIndex();
        for (int c = 0; c < p.classes().size(); c++) {
            String cls = p.classes().get(c);
            float prob = p.probabilities()[c];
            Label name = new Label(cls.replace('_', ' '));
            name.setId("name-" + cls);
            // In a narrow panel the name is shortened ("Viral Pneu..."), never the probability
            name.setMinWidth(0);
            name.setTooltip(new Tooltip(name.getText()));
            Rectangle track = new Rectangle(BAR_WIDTH, 14, javafx.scene.paint.Color.web("#d8d8d8"));
            Rectangle bar = new Rectangle(Math.max(1, BAR_WIDTH * prob), 14,
                    javafx.scene.paint.Color.web(c == best ? "#1f6fb2" : "#7da7cc"));
            StackPane bars = new StackPane(track, bar);
            bars.setAlignment(Pos.CENTER_LEFT);
            bars.setId("bar-" + cls);
            Label value = new Label(String.format(Locale.ROOT, "%.1f %%", 100 * prob));
            value.setId("prob-" + cls);
            value.setMinWidth(Region.USE_PREF_SIZE);
            if (c == best) {
                name.getStyleClass().add("emphasis");
                value.getStyleClass().add("emphasis");
            }
            GridPane.setHgrow(bars, Priority.NEVER);
            addRow(c, name, bars, value);
        }
        // The record on the test split speaks for films like the test split's, not for one the model flags
        if (calibration != null && !p.unfamiliar()) {
            Label note = new Label(reliabilityNote(calibration, p.probabilities()[best]));
            note.setId("reliabilityNote");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.getStyleClass().add("reliability-note");
            add(note, 0, p.classes().size(), 3, 1);
            Label otherSites = new Label(OTHER_SITES);
            otherSites.setId("otherSitesNote");
            otherSites.setWrapText(true);
            otherSites.setMinHeight(Region.USE_PREF_SIZE);
            otherSites.getStyleClass().add("reliability-note");
            add(otherSites, 0, p.classes().size() + 1, 3, 1);
        }
    }

    /**
     * "On its test split, this model was right on 6 of 10 films it called with 70-80% (95% CI 31-83%)." A
     * probability is only as good as the model's record at that confidence, and a reader should see both.
     */
    static String reliabilityNote(Calibration calibration, float topProbability) {
        Calibration.Bin bin = calibration.binOf(topProbability);
        String range = String.format(Locale.ROOT, "%.0f-%.0f%%", 100 * bin.from(), 100 * bin.to());
        if (bin.isEmpty()) {
            return "On its test split, this model called no film with " + range + ": it has no record here.";
        }
        ConfidenceInterval ci = bin.accuracyInterval();
        return String.format(Locale.ROOT, "On its test split, this model was right on %,d of %,d films it called with "
                + "%s (95%% CI %.0f-%.0f%%).", bin.correct(), bin.count(), range, 100 * ci.lower(), 100 * ci.upper());
    }
}
