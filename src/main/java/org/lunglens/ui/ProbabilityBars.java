package org.lunglens.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.lunglens.model.Prediction;

/** Every class's probability as a horizontal bar chart; the predicted class in bold. */
final class ProbabilityBars extends GridPane {
    private static final double BAR_WIDTH = 150;

    ProbabilityBars() {
        setId("probabilityBars");
        setHgap(8);
        setVgap(4);
    }

    void show(Prediction p) {
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
                name.setStyle("-fx-font-weight: bold;");
                value.setStyle("-fx-font-weight: bold;");
            }
            GridPane.setHgrow(bars, Priority.NEVER);
            addRow(c, name, bars, value);
        }
    }
}
