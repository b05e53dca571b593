package org.lunglens.model;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;

/**
 * DeLong's placement values of a score (DeLong et al., Biometrics 1988): for each positive image, the share of
 * negatives it outscores; for each negative, the share of positives that outscore it (ties count half). Their
 * means are the AUC and their spread its variance. Kept in the images' own order, so two models' placements
 * on the same images pair up for a paired test.
 *
 * @param positives one placement per positive image, in the order the images came
 * @param negatives one placement per negative image, in the order the images came
 * @param auc       the ROC AUC
 */
record AucPlacements(double[] positives, double[] negatives, double auc) {

    /** The placements, or null with fewer than two images on either side. */
    static AucPlacements of(double[] scores, boolean[] positive) {
        double[] pos = select(scores, positive, true);
        double[] neg = select(scores, positive, false);
        if (pos.length < 2 || neg.length < 2) {
            return null;
        }
        double[] sortedPos = pos.clone();
        double[] sortedNeg = neg.clone();
        Arrays.sort(sortedPos);
        Arrays.sort(sortedNeg);
        double[] positivePlacements = new double[pos.length];
        for (int i = 0; i < pos.length; i++) {
            positivePlacements[i] = (countBelow(sortedNeg, pos[i]) + countAtMost(sortedNeg, pos[i])) / 2.0 / neg.length;
        }
        double[] negativePlacements = new double[neg.length];
        for (int j = 0; j < neg.length; j++) {
            long above = pos.length - countAtMost(sortedPos, neg[j]);
            long aboveOrEqual = pos.length - countBelow(sortedPos, neg[j]);
            negativePlacements[j] = (above + aboveOrEqual) / 2.0 / pos.length;
        }
        return new AucPlacements(positivePlacements, negativePlacements, Arrays.stream(positivePlacements).average().orElseThrow());
    }

    /** Sample covariance (n - 1) of two equally long series; the variance when both are the same. */
    static double covariance(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElseThrow();
        double meanB = Arrays.stream(b).average().orElseThrow();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }
        return sum / (a.length - 1);
    }

    private static double[] select(double[] scores, boolean[] positive, boolean side) {
        return IntStream.range(0, scores.length).filter(i -> positive[i] == side).mapToDouble(i -> scores[i]).toArray();
    }

    /** Number of values in the sorted array strictly below x. */
    private static int countBelow(double[] sorted, double x) {
        return firstIndex(sorted, v -> v >= x);
    }

    /** Number of values in the sorted array at or below x. */
    private static int countAtMost(double[] sorted, double x) {
        return firstIndex(sorted, v -> v > x);
    }

    /** The first index whose value passes a test that is false, then true, along the sorted array. */
    private static int firstIndex(double[] sorted, DoublePredicate passes) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (passes.test(sorted[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
