package org.lunglens.ui.ai;

import org.lunglens.model.SiteShift;

/**
 * What the AI tab knows of the shown film's site: the films this model has read here, taken together, and the films
 * of the shown film's folder, taken together. Either one shifted is enough for the warning.
 *
 * @param read   the verdict on the films read (in this run and the runs before); null before there is one
 * @param folder the verdict on the shown film's folder; null when not judged (yet, or too few films)
 */
record SiteVerdict(SiteShift read, SiteShift folder) {
    static final SiteVerdict NONE = new SiteVerdict(null, null);

    boolean shifted() {
        return folderShifted() || read != null && read.shifted();
    }

    boolean folderShifted() {
        return folder != null && folder.shifted();
    }

    /** The verdict a logged reading carries: the folder's when it is shifted, else the films read. */
    SiteShift forRecord() {
        return folderShifted() ? folder : read;
    }
}
