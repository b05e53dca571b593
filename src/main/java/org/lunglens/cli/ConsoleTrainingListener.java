package org.lunglens.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lunglens.model.EpochRecord;
import org.lunglens.model.TrainingListener;

/** Draws a progress bar per epoch on stderr (redrawn in place on a terminal) and one summary line per epoch. */
final class ConsoleTrainingListener implements TrainingListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;

    ConsoleTrainingListener(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    @Override
    public void message(String text) {
        out.println(text);
    }

    @Override
    public void batch(int epoch, int maxEpochs, long done, long total, double meanLoss, double imagesPerSecond) {
        long now = System.nanoTime();
        boolean last = done == total;
        // Non-terminal output (a log file) gets a line every 30 s instead of hundreds of redraws.
        long interval = interactive ? 200_000_000L : 30_000_000_000L;
        if (!last && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        double eta = (total - done) / Math.max(1e-9, imagesPerSecond);
        String bar = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %3d%% %d/%d loss %.4f %.1f img/s ETA %s",
                epoch, maxEpochs, "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done / Math.max(1, total),
                done, total, meanLoss, imagesPerSecond, duration(eta));
        if (interactive) {
            out.print("\r" + bar);
            if (last) {
                out.println();
            }
        } else {
            out.println(bar);
        }
    }

    @Override
    public void epoch(EpochRecord r, boolean best) {
        out.printf(Locale.ROOT, "epoch %d: train loss %.4f acc %.4f | validation loss %.4f acc %.4f | %.1f img/s, %s%s%n",
                r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                r.imagesPerSecond(), duration(r.seconds()), best ? "  (best so far: saved)" : "");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
