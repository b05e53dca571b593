package org.lunglens.ui.ai;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A warning the AI tab says before anything else, in a warning's colours, all of its text; hidden and taking no
 * room while it has nothing to say.
 */
class WarningBox extends Label {
    WarningBox(String id) {
        setId(id);
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        getStyleClass().add("unfamiliar-warning");
        say("");
    }

    /** Shows {@code text}; the empty string hides the box. */
    final void say(String text) {
        setText(text);
        setVisible(!text.isEmpty());
        setManaged(!text.isEmpty());
    }
}
