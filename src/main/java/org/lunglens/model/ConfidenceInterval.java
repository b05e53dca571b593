package org.lunglens.model;

import java.util.List;
import java.util.Locale;

/**
 * A two-sided 95% confidence interval of a test figure, so a model card says how far a score on 1,420 films
 * can be trusted. Proportions (accuracy, sensitivity, specificity, recall) use the Wilson score interval,
 * which stays inside [0, 1] and keeps its coverage near 0 and 1, where our scores sit and the plain
 * normal interval fails (Newcombe, Stat. Med. 1998). The ROC AUC uses DeLong's variance (DeLong et al.,
 * Biometrics 1988), as pROC does by default. Both are NaN when the figure is undefined.
 */
public record ConfidenceInterval(double lower, double upper) {
    /** The standard normal quantile for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    private static final ConfidenceInterval UNDEFINED = new ConfidenceInterval(Double.NaN, Double.NaN);

    /** The interval of a figure that has none (no images, one class only). */
    public static ConfidenceInterval undefined() {
        return UNDEFINED;
    }

    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** [lower, upper] for the JSON report, or null when undefined. */
    public List<Double> toList() {
        return isDefined() ? List.of(lower, upper) : null;
    }

    /** The interval as the JSON report holds it (a list of two numbers, or null). */
    public static ConfidenceInterval fromReport(Object bounds) {
        return bounds instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number lo && l.get(1) instanceof Number hi
                ? new ConfidenceInterval(lo.doubleValue(), hi.doubleValue()) : UNDEFINED;
    }

    /** "0.9461-0.9838" (four decimals, as the reports print figures), or "n/a". */
    public String format() {
        return isDefined() ? String.format(Locale.ROOT, "%.4f-%.4f", lower, upper) : "n/a";
    }

    /** Wilson score interval of a proportion successes / n. */
    public static ConfidenceInterval wilson(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            return UNDEFINED;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair inside.
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == n ? 1 : Math.min(1, centre + half);
        return new ConfidenceInterval(lower, upper);
    }

    /**
     * DeLong interval of the ROC AUC of a score for the positive class (ties count half), clipped to [0, 1].
     * Undefined with fewer than two images on either side. A perfect separation has zero variance, so its
     * interval is [1, 1]: read it with the number of films.
     */
    public static ConfidenceInterval aucDeLong(double[] scores, boolean[] positive) {
        AucPlacements p = AucPlacements.of(scores, positive);
        if (p == null) {
            return UNDEFINED;
        }
        double variance = AucPlacements.covariance(p.positives(), p.positives()) / p.positives().length
                + AucPlacements.covariance(p.negatives(), p.negatives()) / p.negatives().length;
        double half = Z95 * Math.sqrt(variance);
        return new ConfidenceInterval(Math.max(0, p.auc() - half), Math.min(1, p.auc() + half));
    }
}
