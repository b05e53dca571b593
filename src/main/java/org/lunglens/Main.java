package org.lunglens;

import org.lunglens.cli.LungLensCommand;

/**
 * Entry point for {@code java -jar lunglens.jar} and the packaged launcher: no arguments opens the desktop
 * app, {@code --db FILE} alone opens it with that patient log, anything else runs the command line. It must not extend {@code Application}: JavaFX on the class
 * path refuses to start a main class that does.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PackagedRuntime.configure();
        if (args.length == 0) {
            org.lunglens.ui.LungLensApp.launchApp(args);
            return;
        }
        System.exit(LungLensCommand.run(db -> org.lunglens.ui.LungLensApp.launchApp(new String[] {"--db=" + db}),
                args));
    }
}
