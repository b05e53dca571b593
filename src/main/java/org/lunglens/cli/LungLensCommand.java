package org.lunglens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code lunglens} command; each task is a subcommand. */
@Command(name = "lunglens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Offline chest X-ray viewer with a local AI second reader. "
                + "Teaching and research only; not for clinical diagnosis.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {InfoCommand.class, TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, CommandLine.HelpCommand.class})
public final class LungLensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the CLI and returns its exit code (0 = success, 1 = some inputs failed, 2 = usage error). */
    public static int run(String... args) {
        return new CommandLine(new LungLensCommand()).setExecutionExceptionHandler(new UserErrorHandler())
                .execute(args);
    }
}
