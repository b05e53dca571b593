package org.lunglens.ui.viewer;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.Histogram;

/**
 * The image's histogram (square-root counts, so the lung tones are not flattened by the background peak)
 * with the current window drawn over it: the shaded band is the window, the line the gray-level ramp.
 */
final class HistogramView extends Pane {
    private static final int BINS = 256;
    private final Canvas canvas = new Canvas();
    private Histogram histogram;
    private DisplaySettings settings;

    HistogramView() {
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(140);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        getStyleClass().add("histogram");
    }

    void show(Histogram h, DisplaySettings s) {
        histogram = h;
        settings = s;
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (histogram == null || settings == null || w < 10) {
            return;
        }
        double plotH = h - 16;
        double lo = Math.max(0, Math.min(histogram.min(), settings.windowCenter() - settings.windowWidth() / 2));
        double hi = Math.min(histogram.maxValue(),
                Math.max(histogram.max(), settings.windowCenter() + settings.windowWidth() / 2));
        hi = Math.max(hi, lo + 1);
        long[] bins = histogram.binned(BINS, (int) lo, (int) hi);
        double peak = 1;
        for (long b : bins) {
            peak = Math.max(peak, Math.sqrt(b));
        }
        double lower = settings.windowCenter() - settings.windowWidth() / 2;
        double upper = settings.windowCenter() + settings.windowWidth() / 2;
        double x0 = toX(lower, lo, hi, w);
        double x1 = toX(upper, lo, hi, w);
        g.setFill(Color.rgb(70, 110, 170, 0.35));
        g.fillRect(x0, 0, Math.max(1, x1 - x0), plotH);
        g.setFill(Color.rgb(200, 200, 200));
        double barW = w / BINS;
        for (int i = 0; i < BINS; i++) {
            double bh = Math.sqrt(bins[i]) / peak * (plotH - 4);
            g.fillRect(i * barW, plotH - bh, Math.max(1, barW), bh);
        }
        g.setStroke(Color.rgb(255, 190, 60));
        g.setLineWidth(1.5);
        double yBlack = settings.invert() ? 2 : plotH;
        double yWhite = settings.invert() ? plotH : 2;
        g.strokeLine(0, yBlack, x0, yBlack);
        g.strokeLine(x0, yBlack, x1, yWhite);
        g.strokeLine(x1, yWhite, w, yWhite);
        g.setFill(Color.rgb(180, 180, 180));
        g.fillText(String.format(Locale.ROOT, "%.0f", lo), 2, h - 3);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.0f", hi), w - 2, h - 3);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
    }

    private static double toX(double v, double lo, double hi, double w) {
        return Math.max(0, Math.min(w, (v - lo) / (hi - lo + 1) * w));
    }
}
