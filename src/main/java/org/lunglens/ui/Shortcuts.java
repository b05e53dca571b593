package org.lunglens.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The keyboard shortcuts: one table both handles the keys and fills the help overlay. */
final class Shortcuts {
    record Entry(String keys, String action, List<KeyCombination> combinations, Runnable run) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Shortcuts add(String keys, String action, Runnable run, KeyCombination... combinations) {
        entries.add(new Entry(keys, action, List.of(combinations), run));
        return this;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Listens before the focused control, but leaves typing (and its undo) in text fields and list navigation alone. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!applies(e, scene.getFocusOwner())) {
                return;
            }
            for (Entry entry : entries) {
                for (KeyCombination k : entry.combinations()) {
                    if (k.match(e)) {
                        entry.run().run();
                        e.consume();
                        return;
                    }
                }
            }
        });
    }

    private static boolean applies(KeyEvent e, Node focus) {
        KeyCode code = e.getCode();
        if (focus instanceof TextInputControl && e.isShortcutDown() && code == KeyCode.Z) {
            return false;
        }
        if (code.isFunctionKey() || code == KeyCode.ESCAPE || e.isShortcutDown()) {
            return true;
        }
        if (focus instanceof TextInputControl) {
            return false;
        }
        return !(focus instanceof ListView<?> && (code.isArrowKey() || code == KeyCode.HOME));
    }
}
