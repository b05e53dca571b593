package org.lunglens.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lunglens.app.StartOptions;
import org.lunglens.patientlog.LogSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The top-level {@code lunglens} command; each task is a subcommand. */
@Command(name = "lunglens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Offline chest X-ray viewer with a local AI second reader. "
                + "Teaching and research only; not for clinical diagnosis.%n"
                + "Run without arguments to open the desktop app; with films or folders (and the options below) to open "
                + "it with them; with only --db FILE to open it with that patient log.")
public final class LungLensCommand implements Runnable {
    /** The subcommands, in the order the usage help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, TrainCommand.class,
            EvaluateCommand.class, CompareCommand.class, ClassifyCommand.class, CombineCommand.class,
            FamiliarityCommand.class, ScaleInputCommand.class, SiteCheckCommand.class, AdaptCommand.class, AgreementCommand.class,
            ReadsCommand.class, LogCommand.class, CommandLine.HelpCommand.class);
    /** Their names, and the options whose output lists them. */
    private static final Set<String> NEEDS_SUBCOMMANDS = Stream.concat(
            SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()), Stream.of("-h", "--help"))
            .collect(Collectors.toUnmodifiableSet());

    /** Opens the desktop app; supplied by {@code Main}, since the CLI knows no UI. */
    @FunctionalInterface
    public interface AppLauncher {
        void launch(StartOptions options);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "open the desktop app with this patient log file "
            + "(default: the app's preference, else $XDG_DATA_HOME/lunglens/lunglens.db); subcommands with --log "
            + "use it too unless they get their own --db")
    Path db;

    @CommandLine.Mixin
    AppOptions app = new AppOptions();

    private final AppLauncher launcher;

    public LungLensCommand() {
        this(null);
    }

    LungLensCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void run() {
        // Without a subcommand, any argument (--db, a film, a start option) is a request to open the app
        boolean anyArgument = !spec.commandLine().getParseResult().expandedArgs().isEmpty();
        if (launcher != null && anyArgument) {
            if (!app.missing().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No such file or folder: "
                        + app.missing().get(0));
            }
            launcher.launch(app.toStartOptions(db));
            return;
        }
        spec.commandLine().usage(System.out);
    }

    /**
     * The patient log a subcommand works on: its own {@code --db}, else the top-level one, else the file chosen in
     * the app's preferences, else the default location.
     */
    static Path patientLog(Path ownDb, LungLensCommand parent) {
        return LogSettings.forUser().resolve(ownDb != null ? ownDb : parent == null ? null : parent.db);
    }

    /** Runs the CLI and returns its exit code (0 = success, 1 = some inputs failed, 2 = usage error). */
    public static int run(String... args) {
        return run(null, args);
    }

    /**
     * The same, with the app to open for {@code lunglens --db FILE}. Building picocli's model of every subcommand
     * (annotations read by reflection) delays the app's start-up (docs/BENCHMARKS.md), so arguments that name no
     * subcommand (films, folders, start options) are parsed by the top-level command alone; any usage error there
     * is parsed again by the whole command line, whose message and usage help list the subcommands as always.
     */
    public static int run(AppLauncher launcher, String... args) {
        if (Arrays.stream(args).anyMatch(NEEDS_SUBCOMMANDS::contains)) {
            return withSubcommands(launcher).execute(args);
        }
        return new CommandLine(new LungLensCommand(launcher)).setExecutionExceptionHandler(new UserErrorHandler())
                .setParameterExceptionHandler((error, sameArgs) -> withSubcommands(launcher).execute(sameArgs))
                .execute(args);
    }

    private static CommandLine withSubcommands(AppLauncher launcher) {
        CommandLine commandLine = new CommandLine(new LungLensCommand(launcher));
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        return commandLine.setExecutionExceptionHandler(new UserErrorHandler());
    }
}
