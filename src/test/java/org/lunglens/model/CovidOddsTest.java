package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined reading's arithmetic, against values computed by hand. */
class CovidOddsTest {
    @Test
    void logOddsOfABinaryAndOfAThreeClassOutput() {
        // binary, COVID first: log(0.8 / 0.2)
        assertThat(CovidOdds.logOdds(new float[] {0.8f, 0.2f}, 0)).isCloseTo(Math.log(4), within(1e-6));
        // 3 classes, COVID second: P(COVID) = 0.5 against 0.3 + 0.2
        assertThat(CovidOdds.logOdds(new float[] {0.3f, 0.5f, 0.2f}, 1)).isCloseTo(0, within(1e-6));
    }

    @Test
    void certaintyIsClampedSoTheReadingStaysFinite() {
        double sure = CovidOdds.logOdds(new float[] {1f, 0f}, 0);
        assertThat(sure).isFinite().isCloseTo(Math.log(1e7), within(1e-3));
        float[] p = CovidOdds.combine(List.of(new float[] {1f, 0f}, new float[] {0f, 1f, 0f}), List.of(0, 0), 0);
        assertThat(p[0]).isCloseTo(0.5f, within(1e-6f)); // one sure yes and one sure no cancel
    }

    @Test
    void combinedReadingIsTheGeometricMeanOfTheOdds() {
        // odds 4 (0.8) and 1/4 (0.2, as 0.2 against 0.5 + 0.3) -> geometric mean 1 -> 0.5
        float[] even = CovidOdds.combine(List.of(new float[] {0.8f, 0.2f}, new float[] {0.2f, 0.5f, 0.3f}),
                List.of(0, 0), 0);
        assertThat(even[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(even[1]).isCloseTo(0.5f, within(1e-6f));
        // odds 9 (0.9) and 1 (0.5) -> sqrt(9 * 1) = 3 -> 0.75, written in the order of a model whose COVID is second
        float[] p = CovidOdds.combine(List.of(new float[] {0.1f, 0.9f}, new float[] {0.5f, 0.25f, 0.25f}),
                List.of(1, 0), 1);
        assertThat(p[1]).isCloseTo(0.75f, within(1e-6f));
        assertThat(p[0]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLogOddsThroughSoftmax() {
        double[] logits = {0.4, -1.1, 2.0};
        int covid = 2;
        float[] gradient = CovidOdds.logOddsGradient(softmax(logits), covid);
        double h = 1e-3;
        for (int j = 0; j < logits.length; j++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (CovidOdds.logOdds(softmax(up), covid) - CovidOdds.logOdds(softmax(down), covid)) / (2 * h);
            assertThat((double) gradient[j]).as("d/d logit %d", j).isCloseTo(numeric, within(2e-3));
        }
        assertThat(CovidOdds.logOddsGradient(new float[] {0.3f, 0.7f}, 1)).containsExactly(-1f, 1f);
    }

    private static float[] softmax(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v);
        }
        float[] p = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = (float) (Math.exp(z[i]) / sum);
        }
        return p;
    }
}
