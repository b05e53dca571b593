package org.lunglens.app;

import java.nio.file.Path;
import java.util.List;

/**
 * How the desktop app starts, as the {@code lunglens} command line gives it ({@code lunglens [OPTIONS] [FILE...]}):
 * what to open, with which patient log, and the demo and screenshot options that put the window in a given state.
 *
 * @param open      files or folders to open; empty for none
 * @param database  the patient log file for this session; null for the preference or the default location
 * @param windowed  a 1440x900 window instead of the whole screen
 * @param warmUp    load the AI model once the window is up (off: load it at the first analysis)
 * @param tab       the side tab to show ("AI", "Teach", ...); null for the first
 * @param gradCam   start with the Grad-CAM heatmap shown
 * @param grid      start in the channel grid
 * @param siteCheck a folder to check against the model at start; null for none
 * @param quiz      a case set to load into the Teach tab; null for none
 * @param explain   open the explain window for the first film opened
 */
public record StartOptions(List<Path> open, Path database, boolean windowed, boolean warmUp, String tab,
                           boolean gradCam, boolean grid, Path siteCheck, Quiz quiz, boolean explain,
                           boolean presenter) {
    /**
     * A case set for the Teach tab at start.
     *
     * @param folder a folder of class folders, or the folder of {@code csv}
     * @param csv    a case list ({@code label,path}), or null for the class folders
     * @param cases  films per quiz
     * @param seed   the quiz's draw
     * @param start  what to do once it is read: "" nothing, "window" or "presenter" a quiz, "overview" the data
     *               set overview, "lesson:DIR" the shortcut lesson against DIR's films
     */
    public record Quiz(Path folder, Path csv, int cases, long seed, String start) {
        public Quiz {
            start = start == null ? "" : start;
        }
    }

    public StartOptions {
        open = List.copyOf(open);
    }

    /** The app as a double click starts it. */
    public static StartOptions defaults() {
        return new StartOptions(List.of(), null, false, true, null, false, false, null, null, false, false);
    }
}
