package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceIntervalTest {

    // Newcombe, "Two-sided confidence intervals for the single proportion", Stat. Med. 1998, Table I,
    // method 3 (score interval without continuity correction), to the paper's four decimals.
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
    void wilsonMatchesNewcombesTable(long successes, long n, double lower, double upper) {
        ConfidenceInterval ci = ConfidenceInterval.wilson(successes, n);
        assertThat(ci.lower()).isCloseTo(lower, within(5e-5));
        assertThat(ci.upper()).isCloseTo(upper, within(5e-5));
    }

    @Test
    void wilsonOfAllSuccessesEndsAtOneAndIsNotAPoint() {
        ConfidenceInterval ci = ConfidenceInterval.wilson(336, 336);
        assertThat(ci.upper()).isEqualTo(1.0);
        // With no failures the Wilson bound has the closed form n / (n + z^2).
        assertThat(ci.lower()).isCloseTo(336 / (336 + ConfidenceInterval.Z95 * ConfidenceInterval.Z95), within(1e-12));
    }

    @Test
    void wilsonOfNoImagesIsUndefined() {
        assertThat(ConfidenceInterval.wilson(0, 0).isDefined()).isFalse();
        assertThat(ConfidenceInterval.wilson(0, 0).toList()).isNull();
        assertThat(ConfidenceInterval.wilson(0, 0).format()).isEqualTo("n/a");
    }

    @Test
    void deLongFromHandComputedPlacements() {
        // Positives 0.9, 0.4; negatives 0.5, 0.4, 0.1 (ties count half), AUC 0.75.
        // Positive placements (share of negatives below): 3/3 = 1, (1 + 0.5)/3 = 0.5 -> sample variance 0.125.
        // Negative placements (share of positives above): 1/2, 1.5/2, 2/2 -> sample variance 0.0625.
        // Variance 0.125/2 + 0.0625/3 = 1/12; the interval 0.75 -/+ 1.96 sqrt(1/12) is clipped at 1.
        ConfidenceInterval ci = ConfidenceInterval.aucDeLong(new double[] {0.9, 0.4, 0.5, 0.4, 0.1},
                new boolean[] {true, true, false, false, false});
        assertThat(ci.lower()).isCloseTo(0.75 - ConfidenceInterval.Z95 * Math.sqrt(1 / 12.0), within(1e-12));
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void deLongIntervalHoldsTheAucAndNarrowsWithMoreImages() {
        double[] few = {0.9, 0.7, 0.6, 0.3, 0.8, 0.4, 0.2, 0.1};
        boolean[] fewPositive = {true, true, true, true, false, false, false, false};
        double[] many = new double[few.length * 10];
        boolean[] manyPositive = new boolean[many.length];
        for (int i = 0; i < many.length; i++) {
            many[i] = few[i % few.length];
            manyPositive[i] = fewPositive[i % few.length];
        }
        ConfidenceInterval small = ConfidenceInterval.aucDeLong(few, fewPositive);
        ConfidenceInterval large = ConfidenceInterval.aucDeLong(many, manyPositive);
        double auc = Metrics.auc(few, fewPositive);
        assertThat(Metrics.auc(many, manyPositive)).isCloseTo(auc, within(1e-12));
        assertThat(auc).isBetween(large.lower(), large.upper());
        assertThat(large.upper() - large.lower()).isLessThan(small.upper() - small.lower());
    }

    @Test
    void deLongNeedsTwoImagesOnEachSide() {
        assertThat(ConfidenceInterval.aucDeLong(new double[] {0.9, 0.1, 0.2}, new boolean[] {true, false, false})
                .isDefined()).isFalse();
    }

    @Test
    void readsBackWhatTheReportWrites() {
        ConfidenceInterval ci = ConfidenceInterval.wilson(326, 336);
        assertThat(ConfidenceInterval.fromReport(ci.toList())).isEqualTo(ci);
        assertThat(ConfidenceInterval.fromReport(List.of(0.94614, 0.98376)).format()).isEqualTo("0.9461-0.9838");
        assertThat(ConfidenceInterval.fromReport(null).isDefined()).isFalse();
    }
}
