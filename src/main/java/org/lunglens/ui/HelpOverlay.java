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
        setStyle("-fx-background-color: rgba(0,0,0,0.6);");
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(3);
        int r = 0;
        for (Shortcuts.Entry e : shortcuts.entries()) {
            if (e.keys().isEmpty()) {
                continue; // a second key of the row above
            }
            Label keys = new Label(e.keys());
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            table.addRow(r++, keys, new Label(e.action()));
        }
        Label title = new Label("LungLens keyboard and mouse");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label mouse = new Label("Mouse: wheel = zoom at pointer, left-drag = pan, right-drag = window "
                + "(left/right width, up/down level), double-click = fit.");
        mouse.setWrapText(true);
        Label close = new Label("Esc, F1 or a click closes this card.");
        close.setStyle("-fx-text-fill: #666;");
        VBox card = new VBox(10, title, table, mouse, close);
        card.setPadding(new Insets(18));
        card.setMaxSize(560, USE_PREF_SIZE);
        card.setStyle("-fx-background-color: white; -fx-background-radius: 6;");
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    void toggle() {
        setVisible(!isVisible());
    }
}
