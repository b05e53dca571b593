package org.lunglens.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics from a confusion matrix (rows = true class, columns = predicted), and the ROC
 * AUC of a score. Pure arithmetic, so it is tested on hand-computed matrices.
 */
public final class Metrics {
    private final List<String> classes;
    private final long[][] confusion;

    public Metrics(List<String> classes, long[][] confusion) {
        this.classes = List.copyOf(classes);
        this.confusion = confusion;
    }

    public static Metrics of(List<String> classes, int[] truth, int[] predicted) {
        long[][] m = new long[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new Metrics(classes, m);
    }

    public List<String> classes() {
        return classes;
    }

    public long[][] confusion() {
        return confusion;
    }

    public long n() {
        return Arrays.stream(confusion).flatMapToLong(Arrays::stream).sum();
    }

    /** Images on the diagonal: predicted as their true class. */
    public long correct() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return correct;
    }

    public long errors() {
        return n() - correct();
    }

    public double accuracy() {
        return n() == 0 ? Double.NaN : (double) correct() / n();
    }

    public long support(int c) {
        return Arrays.stream(confusion[c]).sum();
    }

    /** Recall of class c: of the images truly c, the fraction predicted c. */
    public double recall(int c) {
        long support = support(c);
        return support == 0 ? Double.NaN : (double) confusion[c][c] / support;
    }

    /** 95% Wilson interval of the accuracy. */
    public ConfidenceInterval accuracyInterval() {
        return ConfidenceInterval.wilson(correct(), n());
    }

    /** 95% Wilson interval of class c's recall (a binary model's sensitivity or specificity). */
    public ConfidenceInterval recallInterval(int c) {
        return ConfidenceInterval.wilson(confusion[c][c], support(c));
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    /**
     * ROC AUC of a score for the positive class: the probability that a random positive scores higher
     * than a random negative (ties count half). NaN when one side is empty.
     */
    public static double auc(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** ROC curve points (false positive rate, true positive rate), from (0,0) to (1,1). */
    public static List<double[]> rocCurve(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        long n = scores.length - p;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) {
                points.add(new double[] {n == 0 ? 0 : (double) fp / n, p == 0 ? 0 : (double) tp / p});
            }
        }
        return points;
    }

    /** The JSON-ready report: accuracy, n, classes, confusion, perClass. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy());
        map.put("n", n());
        map.put("classes", classes);
        map.put("confusion", confusion);
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", nullIfNaN(precision(c)));
            m.put("recall", nullIfNaN(recall(c)));
            m.put("f1", nullIfNaN(f1(c)));
            m.put("support", support(c));
            perClass.put(classes.get(c), m);
        }
        map.put("perClass", perClass);
        return map;
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
