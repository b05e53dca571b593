package org.lunglens.ui;

import java.util.Locale;
import javafx.application.Platform;
import org.lunglens.gradcam.Analysis;

/**
 * {@code -Dlunglens.sessionProbe=N}, for {@code benchmarks/run.sh}: a long reading session. Started with a folder,
 * it waits for each film's analysis (prediction and Grad-CAM, recorded in the patient log as a reader's would be),
 * prints one line per film with the time since the film was asked for and the process's memory, then moves to
 * the next film as Page Down does; after N films it quits. Lines start with {@code lunglens-session}. Whether
 * memory stays flat and time per film does not grow over hundreds of films is what it measures.
 */
final class SessionProbe {
    static final String PROPERTY = "lunglens.sessionProbe";

    private final int films;
    private final MainWindow window;
    private int done;
    private long askedAt = System.nanoTime();

    private SessionProbe(int films, MainWindow window) {
        this.films = films;
        this.window = window;
    }

    /** Starts watching the window when the property is set (to the number of films); null otherwise. */
    static SessionProbe startIfRequested(MainWindow window) {
        int films = Integer.getInteger(PROPERTY, 0);
        if (films <= 0) {
            return null;
        }
        SessionProbe probe = new SessionProbe(films, window);
        window.aiPane().analysisProperty().addListener((o, old, a) -> {
            if (a != null) {
                // After this pulse, so that the heatmap and the log's listeners have had the analysis too
                Platform.runLater(() -> probe.analysed(a));
            }
        });
        return probe;
    }

    private void analysed(Analysis a) {
        done++;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "lunglens-session film=%d ms=%.1f prediction_ms=%.1f gradcam_ms=%.1f rss_mb=%s heap_used_mb=%d%n",
                done, (System.nanoTime() - askedAt) / 1e6, a.prediction().millis(), a.gradCamMillis(),
                ProcessMemory.residentMb(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        System.out.flush();
        if (done >= films) {
            System.out.printf(Locale.ROOT, "lunglens-session end films=%d peak_rss_mb=%s%n", done,
                    ProcessMemory.peakResidentMb());
            Platform.exit();
            return;
        }
        askedAt = System.nanoTime();
        window.step(1);
    }
}
