package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's test report as its file (or a {@code NAME.test.json} beside it) stores it, read into types by Jackson
 * instead of picked out of maps: the figures, per-class figures, the confusion counts and the calibration. Every
 * field may be missing in an older or a hand-edited file; {@link #of} gives empty for a report that does not bind.
 * {@link Evaluation#report()} writes it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestReport(Long n, Double accuracy, Double sensitivity, Double specificity, Double auc, Double logLoss,
                         Map<String, ClassFigures> perClass, List<List<Long>> confusion, StoredCalibration calibration) {
    /** One class's figures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassFigures(Double precision, Double recall, Double f1, Long support) {
    }

    /** The reliability table as {@link Calibration#toMap()} writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoredCalibration(Double ece, Double brier, List<StoredBin> bins) {
    }

    /** One confidence bin: films whose top probability fell in [from, from + 0.1), and how many were right. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoredBin(Double from, Integer n, Integer correct, Double meanConfidence) {
    }

    public TestReport {
        perClass = perClass == null ? Map.of() : Map.copyOf(perClass);
    }

    /** The report in {@code json} (a model file's metrics map, a parsed test.json); empty when it does not bind. */
    public static Optional<TestReport> of(Object json) {
        if (!(json instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelFile.json().convertValue(json, TestReport.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The confusion counts as metrics for {@code classes}; empty when missing or not a square matrix of them. */
    public Optional<Metrics> counts(List<String> classes) {
        if (confusion == null || confusion.size() != classes.size()) {
            return Optional.empty();
        }
        long[][] m = new long[classes.size()][];
        for (int r = 0; r < m.length; r++) {
            List<Long> row = confusion.get(r);
            if (row == null || row.size() != classes.size() || row.contains(null)) {
                return Optional.empty();
            }
            m[r] = row.stream().mapToLong(Long::longValue).toArray();
        }
        return Optional.of(new Metrics(classes, m));
    }

    /** The stored calibration; empty when there is none or it is inconsistent. */
    public Optional<Calibration> storedCalibration() {
        return calibration == null ? Optional.empty() : Calibration.of(calibration);
    }
}
