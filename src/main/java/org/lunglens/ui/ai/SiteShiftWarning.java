package org.lunglens.ui.ai;

import java.util.Locale;
import org.lunglens.model.SiteShift;

/**
 * The AI tab's word on the films read here, taken together: where they are unlike the films the model learned from,
 * its test record does not carry over to any of them, however ordinary each film looks to the per-film check.
 * Hidden (and taking no room) otherwise, and until 30 films have been read (in this run and the runs before).
 */
final class SiteShiftWarning extends WarningBox {
    SiteShiftWarning() {
        super("siteShiftAiWarning");
    }

    void show(SiteShift shift) {
        boolean shown = shift != null && shift.shifted();
        say(shown ? String.format(Locale.ROOT, "The %d films this model has read here, taken "
                + "together, are unlike the films it learned from: its test figures do not carry over to them, and "
                + "no record line is shown. Check it on a folder of your films (Check a folder against the model) or "
                + "adapt it to them (This site) before relying on it.", shift.films()) : "");
    }
}
