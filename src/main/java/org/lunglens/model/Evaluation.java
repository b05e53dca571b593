package org.lunglens.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's results on labelled images.
 *
 * @param metadata      the model's metadata
 * @param truth         true class index (in the model's classes) per evaluated image
 * @param probabilities class probabilities per evaluated image
 * @param skipped       files that could not be read, with the reason
 * @param familiarity   the familiarity check per evaluated image, or null when the model has none
 */
public record Evaluation(ModelMetadata metadata, int[] truth, float[][] probabilities, Map<Path, String> skipped,
                         Familiarity[] familiarity) {

    /** From a model without a familiarity check. */
    public Evaluation(ModelMetadata metadata, int[] truth, float[][] probabilities, Map<Path, String> skipped) {
        this(metadata, truth, probabilities, skipped, null);
    }

    public boolean hasFamiliarity() {
        return familiarity != null && familiarity.length == truth.length
                && Arrays.stream(familiarity).allMatch(Objects::nonNull);
    }

    /** Images the model's check flags as unlike its training films. */
    public int unfamiliarCount() {
        return hasFamiliarity() ? (int) Arrays.stream(familiarity).filter(Familiarity::unfamiliar).count() : 0;
    }

    /** The same evaluation restricted to the images the check does not flag: what the model vouches for. */
    public Evaluation familiarOnly() {
        if (!hasFamiliarity()) {
            return this;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (!familiarity[i].unfamiliar()) {
                keep.add(i);
            }
        }
        return new Evaluation(metadata, keep.stream().mapToInt(i -> truth[i]).toArray(),
                keep.stream().map(i -> probabilities[i]).toArray(float[][]::new), skipped,
                keep.stream().map(i -> familiarity[i]).toArray(Familiarity[]::new));
    }

    /**
     * How many films of one side were called the other side without a flag, of how many films of that side.
     *
     * @param count the wrong readings the familiarity check let through
     * @param films the films of that side
     */
    public record UnflaggedErrors(int count, int films) {
    }

    /**
     * Films of one side called the other side without a flag: errors the app would show as a plain reading.
     * With {@code covidFilms} false: non-COVID films called COVID (the "called COVID without the unfamiliar
     * flag" on another hospital's normal films); true: COVID films called something else.
     */
    public UnflaggedErrors unflaggedErrors(boolean covidFilms) {
        int pos = metadata.classes().indexOf(ModelMetadata.COVID);
        int[] predicted = predicted();
        int count = 0;
        int films = 0;
        for (int i = 0; i < truth.length; i++) {
            if ((truth[i] == pos) != covidFilms) {
                continue;
            }
            films++;
            boolean wrongSide = (predicted[i] == pos) != covidFilms;
            boolean flagged = hasFamiliarity() && familiarity[i].unfamiliar();
            count += wrongSide && !flagged ? 1 : 0;
        }
        return new UnflaggedErrors(count, films);
    }

    public Metrics metrics() {
        return Metrics.of(metadata.classes(), truth, predicted());
    }

    /** The predicted class index per evaluated image. */
    public int[] predicted() {
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = new Prediction(metadata.classes(), probabilities[i], 0).predictedIndex();
        }
        return predicted;
    }

    /** Score of the positive class (COVID) and whether each image is positive: for AUC and ROC. */
    public double[] positiveScores() {
        int pos = metadata.classes().indexOf(ModelMetadata.COVID);
        double[] scores = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            scores[i] = probabilities[i][pos];
        }
        return scores;
    }

    public boolean[] positives() {
        int pos = metadata.classes().indexOf(ModelMetadata.COVID);
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            positive[i] = truth[i] == pos;
        }
        return positive;
    }

    /** Reliability of the probabilities, and the Brier score (of P(COVID) for a binary model). */
    public Calibration calibration() {
        return Calibration.of(truth, probabilities, metadata.isBinary() ? metadata.classes().indexOf(ModelMetadata.COVID) : -1);
    }

    /** Mean cross-entropy of the true class. */
    public double logLoss() {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(1e-7, probabilities[i][truth[i]]));
        }
        return sum / truth.length;
    }

    /** The report of the issue: accuracy, n, classes, confusion, perClass, and for binary models sensitivity, specificity, auc. */
    public Map<String, Object> report() {
        Metrics m = metrics();
        Map<String, Object> report = new LinkedHashMap<>(m.toMap());
        report.put("model", metadata.name());
        report.put("task", metadata.task());
        if (metadata.isBinary()) {
            int pos = metadata.classes().indexOf(ModelMetadata.COVID);
            report.put("sensitivity", Metrics.nullIfNaN(m.recall(pos)));
            report.put("specificity", Metrics.nullIfNaN(m.recall(1 - pos)));
            report.put("auc", Metrics.nullIfNaN(Metrics.auc(positiveScores(), positives())));
        }
        report.put("logLoss", Metrics.nullIfNaN(logLoss()));
        report.put("skipped", skipped.size());
        report.put("ci95", intervals(m));
        report.put("calibration", calibration().toMap());
        if (hasFamiliarity()) {
            report.put("unfamiliar", unfamiliarReport());
        }
        return report;
    }

    /** How many images the familiarity check flags, and the figures on the ones it does not. */
    private Map<String, Object> unfamiliarReport() {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("flagged", unfamiliarCount());
        u.put("fraction", truth.length == 0 ? null : (double) unfamiliarCount() / truth.length);
        u.put("flaggedInterval", ConfidenceInterval.wilson(unfamiliarCount(), truth.length).toList());
        Evaluation familiar = familiarOnly();
        Map<String, Object> onFamiliar = new LinkedHashMap<>();
        if (familiar.truth.length > 0) {
            Metrics m = familiar.metrics();
            onFamiliar.put("n", m.n());
            onFamiliar.put("accuracy", Metrics.nullIfNaN(m.accuracy()));
            onFamiliar.put("accuracyInterval", m.accuracyInterval().toList());
            if (metadata.isBinary()) {
                int pos = metadata.classes().indexOf(ModelMetadata.COVID);
                onFamiliar.put("sensitivity", Metrics.nullIfNaN(m.recall(pos)));
                onFamiliar.put("sensitivityInterval", m.recallInterval(pos).toList());
                onFamiliar.put("specificity", Metrics.nullIfNaN(m.recall(1 - pos)));
                onFamiliar.put("specificityInterval", m.recallInterval(1 - pos).toList());
                onFamiliar.put("auc", Metrics.nullIfNaN(Metrics.auc(familiar.positiveScores(), familiar.positives())));
            }
        }
        u.put("familiar", onFamiliar);
        u.put("nonCovidCalledCovidUnflagged", errorShare(false));
        u.put("covidMissedUnflagged", errorShare(true));
        return u;
    }

    private Map<String, Object> errorShare(boolean covidFilms) {
        UnflaggedErrors e = unflaggedErrors(covidFilms);
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("count", e.count());
        share.put("of", e.films());
        share.put("fraction", e.films() == 0 ? null : (double) e.count() / e.films());
        share.put("interval", ConfidenceInterval.wilson(e.count(), e.films()).toList());
        return share;
    }

    /** 95% intervals of the report's figures: how much they could move on another sample of this size. */
    private Map<String, Object> intervals(Metrics m) {
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("method", "Wilson score (accuracy, recall, sensitivity, specificity); DeLong (auc)");
        ci.put("accuracy", m.accuracyInterval().toList());
        Map<String, Object> recall = new LinkedHashMap<>();
        for (int c = 0; c < m.classes().size(); c++) {
            recall.put(m.classes().get(c), m.recallInterval(c).toList());
        }
        ci.put("recall", recall);
        if (metadata.isBinary()) {
            int pos = metadata.classes().indexOf(ModelMetadata.COVID);
            ci.put("sensitivity", m.recallInterval(pos).toList());
            ci.put("specificity", m.recallInterval(1 - pos).toList());
            ci.put("auc", ConfidenceInterval.aucDeLong(positiveScores(), positives()).toList());
        }
        return ci;
    }

    public static List<String> describeSkipped(Map<Path, String> skipped) {
        return skipped.entrySet().stream().map(e -> "skipped " + e.getKey() + ": " + e.getValue()).toList();
    }
}
