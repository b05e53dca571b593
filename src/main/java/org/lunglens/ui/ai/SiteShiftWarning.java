package org.lunglens.ui.ai;

import java.util.Locale;

/**
 * The AI tab's word on the films, taken together: the shown film's folder, or the films read here. Where they are
 * unlike the films the model learned from, its test record does not carry over to any of them, however ordinary each
 * film looks to the per-film check. Hidden (and taking no room) otherwise: until the folder is judged (30 films in
 * it at least) or 30 films have been read (in this run and the runs before).
 */
final class SiteShiftWarning extends WarningBox {
    private static final String ADVICE = ": its test figures (or its adaptation) do not carry over to them, and no "
            + "record line is shown. Check it on a folder of your films (Check a folder against the model) or adapt it to them (This "
            + "site) before relying on it.";

    SiteShiftWarning() {
        super("siteShiftAiWarning");
    }

    void show(SiteVerdict v) {
        if (v.folderShifted()) {
            say(String.format(Locale.ROOT, "This folder's films, taken together (%d of them read for this), are "
                    + "unlike %s" + ADVICE, v.folder().films() + v.folder().flagged(), v.folder().comparedWith()));
        } else if (v.shifted()) {
            say(String.format(Locale.ROOT, "The %d films this model has read here, taken together, are unlike %s"
                    + ADVICE, v.read().films() + v.read().flagged(), v.read().comparedWith()));
        } else {
            say("");
        }
    }
}
