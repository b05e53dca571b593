package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lunglens.app.StartOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The desktop app's start options on the {@code lunglens} command: {@code lunglens [OPTIONS] [FILE...]} opens the app
 * with those films or folders; the rest sets the window up for a demo or a screenshot.
 */
final class AppOptions {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "films or folders to open in the app")
    List<Path> files = new ArrayList<>();

    @Option(names = "--windowed", description = "a 1440x900 window instead of the whole screen")
    boolean windowed;

    @Option(names = "--no-warm-up", description = "load the AI model at the first analysis, not at start")
    boolean noWarmUp;

    @Option(names = "--tab", paramLabel = "NAME", description = "show this side tab at start (AI, Teach, Patient log, ...)")
    String tab;

    @Option(names = "--gradcam", description = "start with the Grad-CAM heatmap shown")
    boolean gradCam;

    @Option(names = "--grid", description = "start in the channel grid")
    boolean grid;

    @Option(names = "--presenter", description = "start with larger text, for a projector (key P toggles it)")
    boolean presenter;

    @Option(names = "--site-check", paramLabel = "DIR", description = "check this folder of films against the model at start")
    Path siteCheck;

    @Option(names = "--explain", description = "open the explain window for the first film opened")
    boolean explain;

    @ArgGroup(exclusive = false, heading = "Teaching at start:%n")
    QuizOptions quiz;

    static final class QuizOptions {
        @Option(names = "--quiz", paramLabel = "DIR|FILE.csv", required = true,
                description = "load this case set (class folders, or a label,path CSV) into the Teach tab")
        Path cases;

        @Option(names = "--quiz-cases", paramLabel = "N", defaultValue = "10", description = "films per quiz (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--quiz-seed", paramLabel = "N", defaultValue = "1", description = "the quiz's draw (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--quiz-start", paramLabel = "WHAT", defaultValue = "",
                description = "once read: window or presenter (a quiz), overview (the data set), lesson:DIR (the "
                        + "shortcut lesson against DIR's films)")
        String start;
    }

    /** The files and folders that do not exist (the command refuses them rather than open an empty window). */
    List<Path> missing() {
        List<Path> out = new ArrayList<>();
        files.stream().filter(f -> !Files.exists(f)).forEach(out::add);
        if (siteCheck != null && !Files.isDirectory(siteCheck)) {
            out.add(siteCheck);
        }
        if (quiz != null && !Files.exists(quiz.cases)) {
            out.add(quiz.cases);
        }
        return out;
    }

    StartOptions toStartOptions(Path database) {
        StartOptions.Quiz q = null;
        if (quiz != null) {
            Path cases = quiz.cases.toAbsolutePath();
            boolean csv = Files.isRegularFile(cases);
            q = new StartOptions.Quiz(csv ? cases.getParent() : cases, csv ? cases : null, quiz.n, quiz.seed,
                    quiz.start);
        }
        return new StartOptions(files.stream().map(Path::toAbsolutePath).toList(), database, windowed, !noWarmUp, tab,
                gradCam, grid, siteCheck, q, explain, presenter);
    }
}
