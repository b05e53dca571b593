package org.lunglens.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * The keys just pressed, in large type in a corner (as QuPath's input display does), so a class watching a
 * projected screen sees what the presenter did. The last few keys stay for two seconds.
 */
public final class KeyDisplay extends Label {
    private static final int KEPT = 4;
    private final Deque<String> keys = new ArrayDeque<>();
    private final PauseTransition clear = new PauseTransition(Duration.seconds(2));

    public KeyDisplay() {
        setId("keyDisplay");
        setMouseTransparent(true);
        getStyleClass().add("key-display");
        setOpacity(0);
        clear.setOnFinished(e -> {
            keys.clear();
            setOpacity(0);
        });
    }

    /**
     * How long the keys stay (2 s). Tests lengthen it, so that a slow machine cannot clear the keys between two
     * presses; it takes effect from the next key.
     */
    public void holdFor(Duration hold) {
        clear.setDuration(hold);
    }

    public void show(KeyEvent e) {
        if (e.getCode().isModifierKey() || e.getCode() == KeyCode.UNDEFINED) {
            return;
        }
        String name = (e.isShortcutDown() ? "Ctrl+" : "") + (e.isShiftDown() ? "Shift+" : "") + e.getCode().getName();
        keys.addLast(name);
        while (keys.size() > KEPT) {
            keys.removeFirst();
        }
        setText(String.join("   ", keys));
        setOpacity(1);
        clear.playFromStart();
    }
}
