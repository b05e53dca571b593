package org.lunglens.patientlog;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the patient log lives: {@code --db FILE} on the command line wins over the preference, which wins over
 * the default {@code $XDG_DATA_HOME/lunglens/lunglens.db} (or {@code ~/.local/share/lunglens/lunglens.db}
 * when {@code XDG_DATA_HOME} is unset, empty or relative, as the XDG base directory spec asks).
 */
public final class DatabaseLocation {
    public static final String FOLDER = "lunglens";
    public static final String FILE_NAME = "lunglens.db";

    private DatabaseLocation() {
    }

    /** LungLens's data folder for this user: where the log lives by default, and the user's own models. */
    public static Path dataFolder() {
        return defaultFile().getParent();
    }

    /** The default file for this user and environment. */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultFile(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path dataHome = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return dataHome.resolve(FOLDER).resolve(FILE_NAME);
    }

    /**
     * The file to open.
     *
     * @param commandLine the {@code --db} option, or null when not given
     * @param preference  the file chosen in the app's preferences, or null when not set
     */
    public static Path resolve(Path commandLine, Path preference) {
        return resolve(commandLine, preference, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(Path commandLine, Path preference, Map<String, String> environment, Path home) {
        if (commandLine != null) {
            return commandLine;
        }
        if (preference != null) {
            return preference;
        }
        return defaultFile(environment, home);
    }
}
