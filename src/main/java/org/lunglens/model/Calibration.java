package org.lunglens.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a model's probabilities can be read as probabilities: of the films it calls with 90% confidence,
 * is it right about nine in ten? The reader sees these numbers as bars, so the card reports them.
 * Reliability is measured on the top class's probability in ten equal-width bins; the expected
 * calibration error (ECE) is the image-weighted mean gap between confidence and accuracy over the bins
 * (Guo et al., ICML 2017). The Brier score is the mean squared error of the probabilities: of P(COVID) for
 * a binary model (0 is perfect, 0.25 is a constant 0.5), summed over the classes for a multi-class one
 * (Brier 1950; 0 to 2).
 *
 * @param bins                     ten bins over [0, 1] by the top class's probability, empty ones included
 * @param expectedCalibrationError the ECE, NaN without images
 * @param brier                    the Brier score, NaN without images
 */
public record Calibration(List<Bin> bins, double expectedCalibrationError, double brier) {
    public static final int BINS = 10;

    /**
     * One bin of the reliability diagram: images whose top probability lies in [from, to) ([0.9, 1] for the
     * last).
     *
     * @param correct        how many of the bin's images have the true class on top
     * @param meanConfidence the mean top probability in the bin (NaN when empty)
     */
    public record Bin(double from, double to, int count, int correct, double meanConfidence) {
        public boolean isEmpty() {
            return count == 0;
        }

        /** The share of the bin's images whose top class is the true class (NaN when empty). */
        public double accuracy() {
            return count == 0 ? Double.NaN : (double) correct / count;
        }

        /** 95% Wilson interval of the bin's accuracy: a bin of five films says little. */
        public ConfidenceInterval accuracyInterval() {
            return ConfidenceInterval.wilson(correct, count);
        }
    }

    /**
     * @param positive the index of the positive class (COVID) for a binary model's Brier score, or -1 for the
     *                 multi-class score
     */
    public static Calibration of(int[] truth, float[][] probabilities, int positive) {
        int[] counts = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        double squaredError = 0;
        for (int i = 0; i < truth.length; i++) {
            float[] p = probabilities[i];
            int top = ClassScores.indexOfMax(p);
            int bin = binIndex(p[top]);
            counts[bin]++;
            confidence[bin] += p[top];
            correct[bin] += top == truth[i] ? 1 : 0;
            squaredError += positive >= 0 ? square(p[positive] - (truth[i] == positive ? 1 : 0)) : multiClassError(p, truth[i]);
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            Bin bin = new Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], correct[b],
                    counts[b] == 0 ? Double.NaN : confidence[b] / counts[b]);
            bins.add(bin);
            if (!bin.isEmpty()) {
                ece += (double) bin.count() / truth.length * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        double n = truth.length;
        return new Calibration(List.copyOf(bins), n == 0 ? Double.NaN : ece, n == 0 ? Double.NaN : squaredError / n);
    }

    /** The bin of a top-class probability (a model's float output, binned as {@link #of} bins it). */
    public Bin binOf(float topProbability) {
        return bins.get(binIndex(topProbability));
    }

    /**
     * Reads back what {@link #toMap()} wrote (a model file's test report, a {@code .test.json}, through
     * {@link TestReport}); empty when it is incomplete or inconsistent.
     */
    public static Optional<Calibration> of(TestReport.StoredCalibration stored) {
        if (stored.ece() == null || stored.brier() == null || stored.bins() == null) {
            return Optional.empty();
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, 0, 0, Double.NaN));
        }
        for (TestReport.StoredBin row : stored.bins()) {
            if (row == null || row.from() == null || row.n() == null || row.correct() == null
                    || row.meanConfidence() == null || row.correct() < 0 || row.correct() > row.n()) {
                return Optional.empty();
            }
            int b = binIndex(row.from().floatValue() + 0.5f / BINS);
            bins.set(b, new Bin(bins.get(b).from(), bins.get(b).to(), row.n(), row.correct(), row.meanConfidence()));
        }
        return Optional.of(new Calibration(List.copyOf(bins), stored.ece(), stored.brier()));
    }

    /** Float arithmetic on purpose: 0.9f * 10 is 9 in float, 8.99... once widened to double. */
    private static int binIndex(float topProbability) {
        return Math.max(0, Math.min(BINS - 1, (int) (topProbability * BINS)));
    }

    /** The JSON-ready form: ece, brier and the non-empty bins. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ece", Metrics.nullIfNaN(expectedCalibrationError));
        map.put("brier", Metrics.nullIfNaN(brier));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bin b : bins) {
            if (!b.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", b.from());
                row.put("to", b.to());
                row.put("n", b.count());
                row.put("correct", b.correct());
                row.put("meanConfidence", b.meanConfidence());
                row.put("accuracy", b.accuracy());
                row.put("accuracyCi95", b.accuracyInterval().toList());
                rows.add(row);
            }
        }
        map.put("bins", rows);
        return map;
    }

    private static double multiClassError(float[] p, int truth) {
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += square(p[k] - (k == truth ? 1 : 0));
        }
        return sum;
    }

    private static double square(double x) {
        return x * x;
    }
}
