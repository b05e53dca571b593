package org.lunglens.ui.viewer;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.lunglens.measure.MeasurementKind;

/** "Measure": the measurement tools, undo and removal, in one tool-bar button. */
final class MeasureMenu extends MenuButton {
    MeasureMenu(MeasureTools tools) {
        super("Measure");
        setId("measureMenu");
        setFocusTraversable(false);
        setTooltip(new Tooltip("Measurements and annotations: the left drag draws while a tool is chosen; Esc pans"
                + " again. Ctrl+Z undoes, Delete removes the selected one."));
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem pan = new RadioMenuItem("Pan (Esc)");
        pan.setId("measure-pan");
        pan.setToggleGroup(group);
        pan.setSelected(true);
        pan.setOnAction(e -> tools.cancel());
        getItems().add(pan);
        for (MeasurementKind k : MeasurementKind.values()) {
            RadioMenuItem item = new RadioMenuItem(k.label());
            item.setId("measure-" + k.stored());
            item.setToggleGroup(group);
            item.setOnAction(e -> tools.toolProperty().set(k));
            getItems().add(item);
        }
        tools.toolProperty().addListener((o, old, k) -> {
            setText(k == null ? "Measure" : "Measure: " + k.label());
            String id = "measure-" + (k == null ? "pan" : k.stored());
            getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                    .ifPresent(i -> ((RadioMenuItem) i).setSelected(true));
        });
        MenuItem undo = new MenuItem("Undo (Ctrl+Z)");
        undo.setId("measure-undo");
        undo.setOnAction(e -> tools.undo());
        MenuItem remove = new MenuItem("Remove selected (Delete)");
        remove.setId("measure-remove");
        remove.setOnAction(e -> tools.removeSelected());
        getItems().addAll(new SeparatorMenuItem(), undo, remove);
        getStyleClass().add("measure-menu");
    }
}
