package org.lunglens.ui.viewer;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.imaging.WindowPreset;

/** The "Display" tab: histogram with the window, typed window width and level, presets. */
public final class DisplayPane extends VBox {
    private final ViewerModel model;
    private final HistogramView histogram = new HistogramView();
    private final TextField width = new TextField();
    private final TextField level = new TextField();
    private final Label hint = new Label();

    public DisplayPane(ViewerModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        width.setId("windowWidthField");
        level.setId("windowLevelField");
        width.setPrefColumnCount(7);
        level.setPrefColumnCount(7);
        width.setOnAction(e -> commit());
        level.setOnAction(e -> commit());
        width.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        level.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        GridPane fields = new GridPane();
        fields.setHgap(6);
        fields.setVgap(4);
        fields.addRow(0, new Label("Window width"), width);
        fields.addRow(1, new Label("Level (centre)"), level);
        FlowPane presets = new FlowPane(4, 4);
        for (WindowPreset p : WindowPreset.values()) {
            Button b = new Button(p.label());
            b.setId("preset" + p.name());
            b.setFocusTraversable(false);
            b.setOnAction(e -> model.applyPreset(p));
            presets.getChildren().add(b);
        }
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        getChildren().addAll(new Label("Histogram and window"), histogram, fields, presets, hint);
        model.settingsProperty().addListener((o, old, s) -> refresh());
        model.histogramProperty().addListener((o, old, h) -> refresh());
        refresh();
    }

    private void refresh() {
        DisplaySettings s = model.settings();
        histogram.show(model.histogramProperty().get(), s);
        if (!width.isFocused()) {
            width.setText(format(s.windowWidth()));
        }
        if (!level.isFocused()) {
            level.setText(format(s.windowCenter()));
        }
        var h = model.histogramProperty().get();
        hint.setText(h == null ? "" : String.format(Locale.ROOT,
                "Values %d..%d of 0..%d. Right-drag on the image: left/right = width, up/down = level.",
                h.min(), h.max(), h.maxValue()));
    }

    private void commit() {
        try {
            double w = Double.parseDouble(width.getText().strip());
            double c = Double.parseDouble(level.getText().strip());
            model.setWindow(new ValueWindow(c, w));
        } catch (NumberFormatException e) {
            refresh();
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
