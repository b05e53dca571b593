package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    private static final ModelMetadata BINARY = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0",
            ModelMetadata.BINARY, List.of("COVID", "non-COVID"), PreprocessingSpec.ofSize(32), "CNN test", 10, 2,
            Map.of(), Map.of());
    private static final int[] TRUTH = {0, 0, 1, 1};

    @Test
    void mcNemarIsAnExactBinomialTailOfTheDiscordantImages() {
        // 2 against 5: P(X <= 2 | 7 fair coins) = (1 + 7 + 21) / 128, doubled.
        assertThat(PairedComparison.mcNemarExact(2, 5)).isCloseTo(58 / 128.0, within(1e-12));
        assertThat(PairedComparison.mcNemarExact(5, 2)).isCloseTo(58 / 128.0, within(1e-12));
        assertThat(PairedComparison.mcNemarExact(0, 10)).isCloseTo(2 / 1024.0, within(1e-12));
        assertThat(PairedComparison.mcNemarExact(0, 0)).isEqualTo(1.0);
        assertThat(PairedComparison.mcNemarExact(3, 3)).isEqualTo(1.0);
    }

    @Test
    void pairedDeLongFromHandComputedPlacements() {
        // P(COVID) of two COVID films, then two others.
        // A: 0.9, 0.6 | 0.7, 0.1 -> positive placements 1, 0.5; negative placements 0.5, 1; AUC 0.75
        // B: 0.8, 0.55 | 0.4, 0.2 -> positive placements 1, 1; negative placements 1, 1; AUC 1
        // Differences A - B: positives 0, -0.5 (sample variance 0.125), negatives -0.5, 0 (0.125);
        // variance 0.125/2 + 0.125/2 = 0.125, so z = -0.25 / sqrt(0.125) and p = 2 Phi(-0.7071) = 0.4795.
        Evaluation a = binary(0.9f, 0.6f, 0.7f, 0.1f);
        Evaluation b = binary(0.8f, 0.55f, 0.4f, 0.2f);

        PairedComparison p = PairedComparison.of(a, b);

        assertThat(p.aucDifference()).isCloseTo(-0.25, within(1e-12));
        double se = Math.sqrt(0.125);
        assertThat(p.aucDifferenceInterval().lower()).isCloseTo(-0.25 - ConfidenceInterval.Z95 * se, within(1e-12));
        assertThat(p.aucDifferenceInterval().upper()).isCloseTo(-0.25 + ConfidenceInterval.Z95 * se, within(1e-12));
        assertThat(p.aucP()).isCloseTo(0.4795, within(1e-4));
        // A calls the first other film COVID (0.7); B gets all four right.
        assertThat(p.onlyFirstWrong()).isEqualTo(1);
        assertThat(p.onlySecondWrong()).isZero();
        assertThat(p.mcNemarP()).isEqualTo(1.0);
    }

    @Test
    void aModelAgainstItselfDoesNotDiffer() {
        Evaluation a = binary(0.9f, 0.6f, 0.7f, 0.1f);
        PairedComparison p = PairedComparison.of(a, a);
        assertThat(p.aucDifference()).isZero();
        assertThat(p.aucP()).isEqualTo(1.0);
        assertThat(p.mcNemarP()).isEqualTo(1.0);
    }

    @Test
    void refusesModelsWithOtherClassesOrOtherImages() {
        ModelMetadata multi = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m3", "1.0", ModelMetadata.MULTICLASS,
                List.of("COVID", "Normal", "Viral_Pneumonia"), PreprocessingSpec.ofSize(32), "CNN test", 10, 3,
                Map.of(), Map.of());
        Evaluation three = new Evaluation(multi, new int[] {0}, new float[][] {{0.5f, 0.3f, 0.2f}}, Map.of());
        assertThatThrownBy(() -> PairedComparison.of(binary(0.9f, 0.6f, 0.7f, 0.1f), three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different classes");
        Evaluation fewer = new Evaluation(BINARY, new int[] {0}, new float[][] {{0.5f, 0.5f}}, Map.of());
        assertThatThrownBy(() -> PairedComparison.of(binary(0.9f, 0.6f, 0.7f, 0.1f), fewer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same images");
    }

    private static Evaluation binary(float... covid) {
        float[][] probabilities = new float[covid.length][];
        for (int i = 0; i < covid.length; i++) {
            probabilities[i] = new float[] {covid[i], 1 - covid[i]};
        }
        return new Evaluation(BINARY, TRUTH, probabilities, Map.of());
    }
}
