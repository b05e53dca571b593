package org.lunglens.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1 / ?: every shortcut on one card over the window; any click, Esc or F1 closes it. */
final class HelpOverlay extends StackPane {
    HelpOverlay(Shortcuts shortcuts) {
        setId("helpOverlay");
        getStyleClass().add("help-overlay");
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(3);
        int r = 0;
        for (Shortcuts.Entry e : shortcuts.entries()) {
            if (e.keys().isEmpty()) {
                continue; // a second key of the row above
            }
            Label keys = new Label(e.keys());
            keys.getStyleClass().add("help-keys");
            table.addRow(r++, keys, new Label(e.action()));
        }
        Label title = new Label("LungLens keyboard and mouse");
        title.getStyleClass().add("window-title");
        Label mouse = new Label("Mouse: wheel = zoom at pointer, left-drag = pan, right-drag = window "
                + "(left/right width, up/down level), double-click = fit.");
        mouse.setWrapText(true);
        Label close = new Label("Esc, F1 or a click closes this card.");
        close.getStyleClass().add("muted");
        VBox card = new VBox(10, title, table, mouse, close);
        card.setPadding(new Insets(18));
        card.setMaxSize(560, USE_PREF_SIZE);
        card.getStyleClass().add("help-card");
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    void toggle() {
        setVisible(!isVisible());
    }
}
