package org.lunglens.ui;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.lunglens.gradcam.Analysis;
import org.lunglens.ui.ai.AiSettings;

/**
 * {@code -Dlunglens.startupProbe=true}, for {@code benchmarks/run.sh}: prints to stdout how long after the
 * process started JavaFX called {@code start}, the window and the patient log were built, the window was
 * shown and (with an image opened at start) the first analysis arrived, with the process's peak resident
 * memory; then it switches to the other bundled model, reports its analysis ("both-models", both loaded)
 * and quits. Lines start with {@code lunglens-startup}. It ships in the app because the installer build runs it on
 * the packaged launcher too (the class list of one start-up, {@code packaging/build-installer.sh}).
 */
final class StartupProbe {
    static final String PROPERTY = "lunglens.startupProbe";

    private boolean firstPredictionSeen;
    /**
     * When the launch began: {@code -Dlunglens.launchedAt=EPOCH_MILLIS} from the script that starts the app (the
     * whole launch counts), else the JVM's own start time. Not ProcessHandle's start instant: Linux gives the
     * boot time it is based on in whole seconds, so it read up to 1 s early (0.9 s here, against the JVM's clock).
     */
    private final Instant processStart = Instant.ofEpochMilli(Long.getLong("lunglens.launchedAt",
            ManagementFactory.getRuntimeMXBean().getStartTime()));

    private StartupProbe() {
    }

    /** Call first thing in {@code start}: reports that JavaFX is up. Null unless the property is set. */
    static StartupProbe startIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return null;
        }
        StartupProbe probe = new StartupProbe();
        probe.report("javafx-start", "");
        return probe;
    }

    /** Reports the window and the first analysis, then quits. Call before the stage is shown. */
    void watch(Stage stage, MainWindow window, boolean imageWillOpen) {
        report("ui-built", "");
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            report("window", "");
            if (!imageWillOpen) {
                Platform.exit();
            }
        });
        window.aiPane().analysisProperty().addListener((o, old, a) -> {
            if (a == null) {
                return;
            }
            if (firstPredictionSeen) {
                report("both-models", describe(a));
                Platform.exit();
                return;
            }
            report("first-prediction", describe(a));
            firstPredictionSeen = true;
            if (!switchModel(window)) {
                Platform.exit();
            }
        });
    }

    /**
     * Chooses the other bundled model in the AI tab, as a reader would, so that the next analysis loads it
     * too and the peak memory covers both models; false where there is no choice to make.
     */
    private static boolean switchModel(MainWindow window) {
        AiSettings settings = window.aiPane().settings();
        List<String> models = settings.modelFiles();
        if (models.size() < 2) {
            return false;
        }
        settings.modelFileProperty().set(models.get(models.indexOf(settings.modelFileProperty().get()) == 0 ? 1 : 0));
        return true;
    }

    private static String describe(Analysis a) {
        return String.format(Locale.ROOT, " class=%s prediction_ms=%.1f gradcam_ms=%.1f model_load_ms=%.0f",
                a.prediction().predictedClass(), a.prediction().millis(), a.gradCamMillis(), a.model().loadMillis());
    }

    private void report(String event, String details) {
        long ms = Duration.between(processStart, Instant.now()).toMillis();
        System.out.printf(Locale.ROOT, "lunglens-startup %s ms=%d peak_rss_mb=%s%s%n", event, ms,
                ProcessMemory.peakResidentMb(), details);
        System.out.flush();
    }
}
