package org.lunglens.patientlog;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The user's patient log preferences (java.util.prefs): a database file that overrides the default location,
 * whether the app logs every AI run by itself, and the name the user's reads are recorded under. (Settings that must
 * be the same for every reader of a log, such as read-first, live in the log: {@link SharedSettings}.) Shared by the app and the CLI, so that both write the same
 * file unless {@code --db} says otherwise.
 */
public final class LogSettings {
    static final String DATABASE_FILE = "databaseFile";
    static final String LOG_AI_RUNS = "logAiRunsAutomatically";
    static final String READER_NAME = "readerName";

    private final Preferences node;

    public LogSettings(Preferences node) {
        this.node = node;
    }

    /** The current user's settings. */
    public static LogSettings forUser() {
        return new LogSettings(Preferences.userRoot().node("org/lunglens/log"));
    }

    /** The file chosen in the preferences, or null when the default location applies. */
    public Path databaseFile() {
        String value = node.get(DATABASE_FILE, "");
        return value.isBlank() ? null : Path.of(value);
    }

    /** Chooses a file, or returns to the default location when {@code file} is null. */
    public void setDatabaseFile(Path file) {
        if (file == null) {
            node.remove(DATABASE_FILE);
        } else {
            node.put(DATABASE_FILE, file.toAbsolutePath().normalize().toString());
        }
    }

    /** Whether each AI run in the app is logged without asking; on unless the user turned it off. */
    public boolean logAiRuns() {
        return node.getBoolean(LOG_AI_RUNS, true);
    }

    public void setLogAiRuns(boolean on) {
        node.putBoolean(LOG_AI_RUNS, on);
    }

    /** The name reads are recorded under: the one the reader gave, else the OS user. */
    public String readerName() {
        String name = node.get(READER_NAME, "").strip();
        return name.isEmpty() ? System.getProperty("user.name", "unknown") : name;
    }

    /** Sets the name reads are recorded under; blank returns to the OS user. */
    public void setReaderName(String name) {
        if (name == null || name.isBlank()) {
            node.remove(READER_NAME);
        } else {
            node.put(READER_NAME, name.strip());
        }
    }

    /** The file to open: {@code commandLine} (from {@code --db}) wins, then the preference, then the default. */
    public Path resolve(Path commandLine) {
        return DatabaseLocation.resolve(commandLine, commandLine == null ? databaseFile() : null);
    }
}
