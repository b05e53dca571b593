package org.lunglens.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two models on the same images: is the difference between them more than chance on this many images?
 * Accuracy is compared with McNemar's exact test, which looks only at the images one model gets right and the
 * other wrong; the ROC AUC with DeLong's paired test, which accounts for both models scoring the same images
 * (DeLong et al., Biometrics 1988). Two runs that differ by three errors in 1,420 films are usually the same
 * model as far as the data can tell, and this says so with a number.
 *
 * @param onlyFirstWrong        images the first model gets wrong and the second right
 * @param onlySecondWrong       images the second model gets wrong and the first right
 * @param mcNemarP              two-sided exact p-value of McNemar's test (1 when no image is discordant)
 * @param aucDifference         the first model's AUC minus the second's (NaN unless both are binary)
 * @param aucDifferenceInterval 95% interval of that difference
 * @param aucP                  two-sided p-value of DeLong's paired test (NaN when undefined)
 */
public record PairedComparison(int onlyFirstWrong, int onlySecondWrong, double mcNemarP, double aucDifference,
                               ConfidenceInterval aucDifferenceInterval, double aucP) {

    /**
     * Compares two evaluations of the same images in the same order.
     *
     * @throws IllegalArgumentException when the models have different classes or saw different images
     */
    public static PairedComparison of(Evaluation first, Evaluation second) {
        if (!first.metadata().classes().equals(second.metadata().classes())) {
            throw new IllegalArgumentException("the models have different classes: " + first.metadata().classes()
                    + " and " + second.metadata().classes());
        }
        if (!Arrays.equals(first.truth(), second.truth())) {
            throw new IllegalArgumentException("the models were not evaluated on the same images");
        }
        int[] a = first.predicted();
        int[] b = second.predicted();
        int onlyFirstWrong = 0;
        int onlySecondWrong = 0;
        for (int i = 0; i < a.length; i++) {
            boolean firstRight = a[i] == first.truth()[i];
            boolean secondRight = b[i] == first.truth()[i];
            onlyFirstWrong += !firstRight && secondRight ? 1 : 0;
            onlySecondWrong += firstRight && !secondRight ? 1 : 0;
        }
        double mcNemar = mcNemarExact(onlyFirstWrong, onlySecondWrong);
        // The AUC test needs a binary model and two films on each side
        AucPlacements p = first.metadata().isBinary() ? AucPlacements.of(first.positiveScores(), first.positives()) : null;
        AucPlacements q = p == null ? null : AucPlacements.of(second.positiveScores(), second.positives());
        if (q == null) {
            return new PairedComparison(onlyFirstWrong, onlySecondWrong, mcNemar, Double.NaN,
                    ConfidenceInterval.undefined(), Double.NaN);
        }
        double difference = p.auc() - q.auc();
        double variance = varianceOfDifference(p.positives(), q.positives()) / p.positives().length
                + varianceOfDifference(p.negatives(), q.negatives()) / p.negatives().length;
        double se = Math.sqrt(Math.max(0, variance));
        double pValue = se == 0 ? (difference == 0 ? 1 : Double.NaN)
                : 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(difference) / se);
        ConfidenceInterval interval = new ConfidenceInterval(difference - ConfidenceInterval.Z95 * se,
                difference + ConfidenceInterval.Z95 * se);
        return new PairedComparison(onlyFirstWrong, onlySecondWrong, mcNemar, difference, interval, pValue);
    }

    /** Two-sided exact McNemar p: under "no difference" each discordant image is a fair coin. */
    static double mcNemarExact(int onlyFirstWrong, int onlySecondWrong) {
        int n = onlyFirstWrong + onlySecondWrong;
        if (n == 0) {
            return 1;
        }
        double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(onlyFirstWrong, onlySecondWrong));
        return Math.min(1, 2 * tail);
    }

    /** Var(x - y) from paired placements: var(x) + var(y) - 2 cov(x, y). */
    private static double varianceOfDifference(double[] x, double[] y) {
        return AucPlacements.covariance(x, x) + AucPlacements.covariance(y, y) - 2 * AucPlacements.covariance(x, y);
    }

    /** The JSON-ready form. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("onlyFirstWrong", onlyFirstWrong);
        map.put("onlySecondWrong", onlySecondWrong);
        map.put("mcNemarP", mcNemarP);
        map.put("aucDifference", Metrics.nullIfNaN(aucDifference));
        map.put("aucDifferenceCi95", aucDifferenceInterval.toList());
        map.put("aucP", Metrics.nullIfNaN(aucP));
        return map;
    }
}
