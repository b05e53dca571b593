package org.lunglens.ui.viewer;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.geometry.Insets;
import javafx.scene.layout.FlowPane;
import javafx.scene.control.Tooltip;
import org.lunglens.imaging.WindowPreset;

/**
 * Buttons for the frequent viewer actions; each tooltip names its shortcut. A wrapping row, not a JavaFX ToolBar: on
 * a narrow window a ToolBar hides its buttons behind "&gt;&gt;", this one takes a second line. The buttons take
 * keyboard focus (Tab), for readers who work from the keyboard.
 */
public final class ViewerToolBar extends FlowPane {
    /** @param twoFilms the two-film layout (1x2) on or off */
    public ViewerToolBar(ViewerModel model, Runnable actualSize, Runnable help,
                         javafx.beans.property.BooleanProperty twoFilms) {
        super(4, 4);
        setId("viewerToolBar");
        getStyleClass().add("viewer-toolbar");
        setPadding(new Insets(4, 6, 4, 6));
        ToggleButton invert = new ToggleButton("Invert");
        invert.setId("invertButton");
        invert.setTooltip(new Tooltip("Invert (I)"));
        model.settingsProperty().addListener((o, old, s) -> invert.setSelected(s.invert()));
        invert.setOnAction(e -> model.toggleInvert());
        ComboBox<WindowPreset> preset = new ComboBox<>();
        preset.getItems().addAll(WindowPreset.values());
        preset.setPromptText("Window preset");
        preset.setTooltip(new Tooltip("Full F2, Auto F3, Lung F4, Bone F5"));
        preset.setOnAction(e -> {
            if (preset.getValue() != null) {
                model.applyPreset(preset.getValue());
            }
        });
        model.imageProperty().addListener((o, old, img) -> preset.getSelectionModel().clearSelection());
        ToggleButton grid = new ToggleButton("Channel grid");
        grid.setId("gridButton");
        grid.setTooltip(new Tooltip("Channel grid (C)"));
        grid.selectedProperty().bindBidirectional(model.gridModeProperty());
        ToggleButton compare = new ToggleButton("1x2");
        compare.setId("compareButton");
        compare.setTooltip(new Tooltip("Two films side by side, zoom, pan and window linked (D)"));
        compare.selectedProperty().bindBidirectional(twoFilms);
        getChildren().addAll(
                button("Fit", "Fit to window (F)", model::fit),
                button("1:1", "Actual pixels (1)", actualSize),
                button("\u2212", "Zoom out (-)", () -> model.zoomBy(1 / 1.25)),
                button("+", "Zoom in (+)", () -> model.zoomBy(1.25)),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                preset, invert,
                button("\u21ba", "Rotate 90\u00b0 counter-clockwise (Shift+R)", () -> model.rotate(-1)),
                button("\u21bb", "Rotate 90\u00b0 clockwise (R)", () -> model.rotate(1)),
                button("\u2194", "Flip left-right (H)", model::flipHorizontally),
                button("\u2195", "Flip top-bottom (V)", model::flipVertically),
                button("Reset", "Reset window, zoom and orientation (Home)", model::reset),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                grid, compare,
                button("?", "Keyboard shortcuts (F1 or ?)", help));
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
