package org.lunglens;

import org.lunglens.cli.LungLensCommand;

/**
 * Entry point for {@code java -jar lunglens.jar} and the packaged launcher: no arguments opens the desktop
 * app, {@code --db FILE} alone opens it with that patient log, files or folders that exist open the app with
 * them ({@link #appArguments}), anything else runs the command line. It must not extend {@code Application}: JavaFX on the class
 * path refuses to start a main class that does.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PackagedRuntime.configure();
        java.util.Optional<String[]> studies = appArguments(args);
        if (studies.isPresent()) {
            org.lunglens.ui.LungLensApp.launchApp(studies.get());
            return;
        }
        System.exit(LungLensCommand.run(db -> org.lunglens.ui.LungLensApp.launchApp(new String[] {"--db=" + db}),
                args));
    }

    /**
     * The app's arguments when the command line names studies to open rather than a command: {@code lunglens} alone,
     * or {@code lunglens [--db FILE] PATH...} where every PATH exists and the first is not a subcommand's name ("Open
     * with LungLens", a file dropped on the launcher). Empty for anything else, which goes to the command line.
     */
    static java.util.Optional<String[]> appArguments(String[] args) {
        java.util.Set<String> commands = new picocli.CommandLine(new LungLensCommand()).getSubcommands().keySet();
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean anyPath = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db") && i + 1 < args.length) {
                out.add("--db=" + args[++i]);
            } else if (a.startsWith("--db=")) {
                out.add(a);
            } else if (a.startsWith("-") || (!anyPath && commands.contains(a)) || !java.nio.file.Files.exists(
                    java.nio.file.Path.of(a))) {
                return java.util.Optional.empty();
            } else {
                out.add(java.nio.file.Path.of(a).toAbsolutePath().toString());
                anyPath = true;
            }
        }
        // --db FILE alone keeps its old way through the command line (which opens the app with that log)
        return args.length == 0 || anyPath ? java.util.Optional.of(out.toArray(String[]::new)) : java.util.Optional.empty();
    }
}
