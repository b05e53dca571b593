package org.lunglens.ui.ai;

import java.util.Locale;
import org.lunglens.model.Prediction;

/**
 * The AI tab's first word on a film the model's familiarity check flags: its reading is not reliable here. Hidden
 * (and taking no room) for every other film.
 */
final class UnfamiliarWarning extends WarningBox {
    static final String TEXT = "This film is unlike the films the model learned from: its reading is not "
            + "reliable here. (Another hospital, another way of taking or exporting the film, or not a chest film.)";

    UnfamiliarWarning() {
        super("unfamiliarWarning");
    }

    /** Shown for a flagged prediction, with its score; hidden for anything else (null included). */
    void show(Prediction p) {
        boolean flagged = p != null && p.unfamiliar();
        say(flagged ? TEXT + String.format(Locale.ROOT, " Unfamiliarity %.1f (above 1 is flagged).",
                Math.min(p.familiarity().unfamiliarity(), 999)) : "");
    }
}
