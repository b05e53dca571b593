package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    // Hand-computed: rows = true A, B, C; columns = predicted.
    //        A   B   C
    //   A   50   3   2     support 55, recall 50/55
    //   B    5  30   5     support 40, recall 30/40
    //   C    0   1   4     support  5, recall  4/5
    // column sums: A 55, B 34, C 11 -> precision 50/55, 30/34, 4/11
    private final Metrics metrics = new Metrics(List.of("A", "B", "C"),
            new long[][] {{50, 3, 2}, {5, 30, 5}, {0, 1, 4}});

    @Test
    void accuracyAndCountsFromHandComputedMatrix() {
        assertThat(metrics.n()).isEqualTo(100);
        assertThat(metrics.accuracy()).isCloseTo(84 / 100.0, within(1e-12));
        assertThat(metrics.support(1)).isEqualTo(40);
        assertThat(metrics.correct()).isEqualTo(84);
        assertThat(metrics.errors()).isEqualTo(16);
    }

    @Test
    void precisionRecallF1PerClass() {
        assertThat(metrics.recall(0)).isCloseTo(50 / 55.0, within(1e-12));
        assertThat(metrics.precision(1)).isCloseTo(30 / 34.0, within(1e-12));
        assertThat(metrics.recall(2)).isCloseTo(0.8, within(1e-12));
        assertThat(metrics.precision(2)).isCloseTo(4 / 11.0, within(1e-12));
        double p = 4 / 11.0;
        double r = 0.8;
        assertThat(metrics.f1(2)).isCloseTo(2 * p * r / (p + r), within(1e-12));
    }

    @Test
    void intervalsCountTheRightCells() {
        assertThat(metrics.accuracyInterval()).isEqualTo(ConfidenceInterval.wilson(84, 100));
        assertThat(metrics.recallInterval(2)).isEqualTo(ConfidenceInterval.wilson(4, 5));
        assertThat(metrics.accuracyInterval().lower()).isLessThan(0.84);
        assertThat(metrics.accuracyInterval().upper()).isGreaterThan(0.84);
    }

    @Test
    void readsAConfusionMatrixBackFromAJsonReport() {
        List<Object> rows = List.of(List.of(50, 3, 2), List.of(5, 30, 5), List.of(0, 1, 4));
        TestReport report = TestReport.of(Map.of("confusion", rows, "accuracy", 0.84)).orElseThrow();
        Metrics back = report.counts(List.of("A", "B", "C")).orElseThrow();
        assertThat(back.confusion()).isDeepEqualTo(metrics.confusion());
        assertThat(report.accuracy()).isEqualTo(0.84);
        assertThat(report.counts(List.of("A", "B"))).as("wrong size").isEmpty();
        assertThat(TestReport.of(Map.of("confusion", List.of(List.of("x"))))).as("not counts").isEmpty();
        assertThat(TestReport.of(Map.of()).orElseThrow().counts(List.of("A"))).as("no matrix").isEmpty();
        assertThat(TestReport.of(null)).isEmpty();
        assertThat(TestReport.of(metrics.toMap()).orElseThrow().counts(metrics.classes()).orElseThrow().confusion())
                .as("reads what it writes").isDeepEqualTo(metrics.confusion());
    }

    @Test
    void confusionIsBuiltFromLabels() {
        Metrics m = Metrics.of(List.of("x", "y"), new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0});
        assertThat(m.confusion()).isEqualTo(new long[][] {{1, 1}, {1, 2}});
    }

    @Test
    void undefinedPrecisionIsNaNNotAnException() {
        Metrics m = new Metrics(List.of("x", "y"), new long[][] {{3, 0}, {2, 0}});
        assertThat(m.precision(1)).isNaN();
        assertThat(m.toMap().get("perClass").toString()).contains("precision=null");
    }

    @Test
    void aucCountsPairsAndTiesHalf() {
        // positives 0.9, 0.4; negatives 0.5, 0.4, 0.1: pairs won 1+1+1, 0+0.5+1 -> 4.5 of 6.
        double auc = Metrics.auc(new double[] {0.9, 0.4, 0.5, 0.4, 0.1},
                new boolean[] {true, true, false, false, false});
        assertThat(auc).isCloseTo(4.5 / 6, within(1e-12));
    }

    @Test
    void aucIsNaNWithOneClassOnly() {
        assertThat(Metrics.auc(new double[] {0.2, 0.3}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void rocRunsFromOriginToOneOne() {
        List<double[]> roc = Metrics.rocCurve(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {true, false, true, false});
        assertThat(roc.get(0)).containsExactly(0, 0);
        assertThat(roc.get(roc.size() - 1)).containsExactly(1, 1);
        assertThat(roc.get(1)).containsExactly(0, 0.5);
    }
}
