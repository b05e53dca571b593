package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Says whether a film is like the films a network learned from, from that network's own activations in the
 * forward pass that also gives the prediction (no second network). Each tap's features get a Mahalanobis
 * score against the training films ({@link GaussianScore}, each scaled by its own validation spread); a film's
 * unfamiliarity is their sum divided by {@code threshold}, so a value above 1 means "unfamiliar". The threshold was chosen on the
 * validation split to flag {@code validationFlagRate} of its films.
 *
 * @param taps               where the features are read
 * @param scores             one score per tap, fitted on the training split
 * @param threshold          the combined score above which a film is unfamiliar
 * @param validationFlagRate share of the validation films the threshold flags
 * @param fittedOn           which films the detector was fitted on, for the model card
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FamiliarityDetector(List<FeatureTap> taps, List<GaussianScore> scores, double threshold,
                                  double validationFlagRate, String fittedOn) {
    /**
     * An input whose values barely vary (a blank or constant image, a 1x1 image scaled up) is no film at all,
     * whatever the features say: flagged outright. Real films' inputs spread over 0.15-0.3 (standard deviation).
     */
    static final double MIN_INPUT_SPREAD = 0.02;

    public FamiliarityDetector {
        taps = List.copyOf(taps);
        scores = List.copyOf(scores);
        if (taps.size() != scores.size() || taps.isEmpty()) {
            throw new IllegalArgumentException("a familiarity detector needs one score per tap");
        }
    }

    /**
     * The sum of the tap scores before the threshold is applied. A sum, not the largest: on the bundled binary
     * network it separated other sites' films from the test split better at the same flag rate (docs/MODELS.md).
     */
    static double combined(List<GaussianScore> scores, List<float[]> features) {
        double sum = 0;
        for (int t = 0; t < scores.size(); t++) {
            sum += scores.get(t).score(features.get(t));
        }
        return sum;
    }

    /**
     * Unfamiliarity of one row of a batch, from DL4J's feed-forward list of the batch (index 0 the input,
     * index i + 1 the output of layer i).
     */
    public Familiarity assess(List<INDArray> feedForward, int row) {
        if (feedForward.get(0).slice(row).stdNumber().doubleValue() < MIN_INPUT_SPREAD) {
            return Familiarity.of(Double.POSITIVE_INFINITY);
        }
        return Familiarity.of(combined(scores, features(taps, feedForward, row)) / threshold);
    }

    /**
     * The first {@code rows} rows of a batch at once: the same figures as {@link #assess} row by row, with each
     * tapped layer copied out of ND4J once per batch instead of once per row.
     */
    public Familiarity[] assessAll(List<INDArray> feedForward, int rows) {
        FeatureTap.Batch input = FeatureTap.Batch.of(feedForward.get(0));
        List<List<float[]>> features = featuresOfRows(taps, feedForward, rows);
        Familiarity[] out = new Familiarity[rows];
        for (int row = 0; row < rows; row++) {
            out[row] = sampleSpread(input, row) < MIN_INPUT_SPREAD ? Familiarity.of(Double.POSITIVE_INFINITY)
                    : Familiarity.of(combined(scores, features.get(row)) / threshold);
        }
        return out;
    }

    /**
     * Each of the first {@code rows} rows' features, tap by tap, with each tapped layer copied out of ND4J once:
     * for a batch, what {@link #features} gives row by row.
     */
    static List<List<float[]>> featuresOfRows(List<FeatureTap> taps, List<INDArray> feedForward, int rows) {
        List<FeatureTap.Batch> tapped = taps.stream().map(t -> FeatureTap.Batch.of(feedForward.get(t.layer() + 1)))
                .toList();
        List<List<float[]>> out = new java.util.ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            List<float[]> features = new java.util.ArrayList<>(taps.size());
            for (int t = 0; t < taps.size(); t++) {
                features.add(taps.get(t).features(tapped.get(t), row));
            }
            out.add(features);
        }
        return out;
    }

    /** The sample standard deviation of one row's values, as ND4J's {@code stdNumber} gives it (n - 1). */
    private static double sampleSpread(FeatureTap.Batch batch, int row) {
        int n = batch.channels() * batch.plane();
        double sum = 0;
        for (int i = row * n; i < (row + 1) * n; i++) {
            sum += batch.values()[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = row * n; i < (row + 1) * n; i++) {
            double d = batch.values()[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    static List<float[]> features(List<FeatureTap> taps, List<INDArray> feedForward, int row) {
        return taps.stream().map(t -> t.features(feedForward.get(t.layer() + 1), row)).toList();
    }
}
