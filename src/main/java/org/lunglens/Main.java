package org.lunglens;

import org.lunglens.app.StartOptions;
import org.lunglens.cli.LungLensCommand;
import org.lunglens.ui.LungLensApp;

/**
 * Entry point for {@code java -jar lunglens.jar} and the packaged launcher: no arguments opens the desktop app;
 * anything else goes to the {@code lunglens} command line, which runs a subcommand or opens the app with the films,
 * folders and start options it was given ("Open with LungLens", a file dropped on the launcher, a demo). It must
 * not extend {@code Application}: JavaFX on the class path refuses to start a main class that does.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PackagedRuntime.configure();
        if (args.length == 0) {
            openApp(StartOptions.defaults());
            return;
        }
        System.exit(LungLensCommand.run(Main::openApp, args));
    }

    private static void openApp(StartOptions options) {
        ClassArchive.writeLaterIfNeeded();
        LungLensApp.launchApp(options);
    }
}
