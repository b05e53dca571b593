package org.lunglens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lunglens.model.Calibration;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.EpochRecord;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Metrics;

/** PNG plots of a run. */
public final class Plots {
    private Plots() {
    }

    /**
     * The test split's plots beside a model: confusion matrix, ROC curve (binary models) and reliability
     * diagram, as {@code BASE-confusion.png}, {@code BASE-roc.png} and {@code BASE-reliability.png} in dir.
     */
    public static void testPlots(Evaluation test, String title, Path dir, String base) throws IOException {
        confusion(test.metrics(), title, dir.resolve(base + "-confusion.png"));
        if (test.metadata().isBinary()) {
            roc(Metrics.rocCurve(test.positiveScores(), test.positives()),
                    Metrics.auc(test.positiveScores(), test.positives()), dir.resolve(base + "-roc.png"));
        }
        reliability(test.calibration(), title, dir.resolve(base + "-reliability.png"));
    }

    /**
     * Reliability diagram: accuracy against mean top-class probability per bin, with the bin's 95% Wilson
     * interval and number of images, beside the diagonal of perfect calibration. Sparse bins swing widely,
     * so their intervals are drawn.
     */
    public static void reliability(Calibration calibration, String title, Path file) throws IOException {
        YIntervalSeries observed = new YIntervalSeries(String.format(Locale.ROOT,
                "model (ECE %.4f), 95%% CI per bin", calibration.expectedCalibrationError()));
        XYSeries perfect = new XYSeries("perfectly calibrated");
        perfect.add(0, 0);
        perfect.add(1, 1);
        YIntervalSeriesCollection bins = new YIntervalSeriesCollection();
        bins.addSeries(observed);
        JFreeChart chart = style(ChartFactory.createXYLineChart("Reliability, " + title,
                "mean top-class probability in the bin", "accuracy in the bin", bins, PlotOrientation.VERTICAL,
                true, false, false));
        XYPlot plot = chart.getXYPlot();
        for (Calibration.Bin b : calibration.bins()) {
            if (!b.isEmpty()) {
                ConfidenceInterval ci = b.accuracyInterval();
                observed.add(b.meanConfidence(), b.accuracy(), ci.lower(), ci.upper());
                XYTextAnnotation n = new XYTextAnnotation(" n=" + b.count() + " ", b.meanConfidence(), b.accuracy());
                n.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                // Labels near the chart's right or bottom edge sit on the other side of their point, or it cuts them
                boolean right = b.meanConfidence() > 0.85;
                boolean low = b.accuracy() < 0.1;
                n.setTextAnchor(low ? (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT)
                        : (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
                plot.addAnnotation(n);
            }
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        plot.setRenderer(0, renderer);
        plot.setDataset(1, new XYSeriesCollection(perfect));
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
        plot.getDomainAxis().setRange(0, 1.02);
        plot.getRangeAxis().setRange(0, 1.02);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 600, 560);
    }

    /** Loss and accuracy per epoch, training vs validation, side by side. */
    /** Films per tenth of P(COVID) as bars: where a site's films fall on the model's scale. */
    public static void covidHistogram(int[] counts, String title, Path file) throws IOException {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        for (int b = 0; b < counts.length; b++) {
            data.addValue(counts[b], "films", String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "P(COVID)", "films", data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 700, 420);
    }

    public static void trainingCurves(List<EpochRecord> history, Path file) throws IOException {
        XYSeries trainLoss = new XYSeries("train loss (augmented)");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy (1,000-image sample)");
        XYSeries valAcc = new XYSeries("validation accuracy");
        for (EpochRecord r : history) {
            trainLoss.add(r.epoch(), r.trainLoss());
            valLoss.add(r.epoch(), r.validationLoss());
            trainAcc.add(r.epoch(), r.trainAccuracy());
            valAcc.add(r.epoch(), r.validationAccuracy());
        }
        JFreeChart loss = line("Loss", "epoch", "cross-entropy", trainLoss, valLoss);
        JFreeChart acc = line("Accuracy", "epoch", "accuracy", trainAcc, valAcc);
        BufferedImage image = new BufferedImage(1200, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        loss.draw(g, new java.awt.Rectangle(0, 0, 600, 450));
        acc.draw(g, new java.awt.Rectangle(600, 0, 600, 450));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    public static void roc(List<double[]> points, double auc, Path file) throws IOException {
        XYSeries curve = new XYSeries(String.format("ROC (AUC %.4f)", auc), false);
        points.forEach(p -> curve.add(p[0], p[1]));
        XYSeries chance = new XYSeries("chance");
        chance.add(0, 0);
        chance.add(1, 1);
        JFreeChart chart = line("ROC curve, COVID vs rest (test split)", "false positive rate (1 - specificity)",
                "true positive rate (sensitivity)", curve, chance);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 600, 560);
    }

    /** A grid with counts and row percentages; darker = larger share of the true class. */
    public static void confusion(Metrics metrics, String title, Path file) throws IOException {
        List<String> classes = metrics.classes();
        long[][] m = metrics.confusion();
        int cell = 120;
        int left = 170;
        int top = 90;
        int size = classes.size();
        BufferedImage image = new BufferedImage(left + cell * size + 30, top + cell * size + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("predicted →", left, top - 40);
        g.drawString("true ↓", 10, top - 10);
        for (int r = 0; r < size; r++) {
            long support = metrics.support(r);
            g.setColor(Color.BLACK);
            g.drawString(classes.get(r), 10, top + r * cell + cell / 2);
            g.drawString(classes.get(r), left + r * cell + 6, top - 12);
            for (int c = 0; c < size; c++) {
                double share = support == 0 ? 0 : (double) m[r][c] / support;
                int shade = (int) (255 - 200 * share);
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(left + c * cell, top + r * cell, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
                g.drawString(Long.toString(m[r][c]), left + c * cell + 12, top + r * cell + cell / 2);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString(String.format("%.1f%%", 100 * share), left + c * cell + 12, top + r * cell + cell / 2 + 22);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= size; i++) {
            g.drawLine(left, top + i * cell, left + size * cell, top + i * cell);
            g.drawLine(left + i * cell, top, left + i * cell, top + size * cell);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart line(String title, String x, String y, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        return style(ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false));
    }

    private static JFreeChart style(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }
}
