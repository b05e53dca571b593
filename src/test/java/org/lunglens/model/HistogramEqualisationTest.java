package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.SharedData;

class HistogramEqualisationTest {
    @Test
    void anIncreasingGreyMappingGivesTheSameInput() throws Exception {
        PixelData film = new ImageLoader().load(SharedData.samples().resolve("Normal-1.png")).pixels();
        Preprocessor equalized = new Preprocessor(PreprocessingSpec.of(64, PreprocessingSpec.EQUALIZED));
        float[] unit = new Preprocessor(PreprocessingSpec.ofSize(64)).toInput(film);
        float[] gamma = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            gamma[i] = (float) (0.1 + 0.7 * Math.pow(unit[i], 1.7)); // another site's exposure and contrast
        }
        float[] a = equalized.normalise(unit);
        float[] b = equalized.normalise(gamma);
        double meanDifference = 0;
        for (int i = 0; i < a.length; i++) {
            meanDifference += Math.abs(a[i] - b[i]) / a.length;
        }
        // Equal up to the histogram's bin width where the mapping squeezes values together
        assertThat(meanDifference).isLessThan(0.01);
    }

    @Test
    void theOutputIsFlatAndAConstantImageIsMidGrey() {
        float[] values = new float[10_000];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.pow(random.nextDouble(), 3);
        }
        float[] out = HistogramEqualisation.apply(values);
        double mean = 0;
        for (float v : out) {
            mean += v / out.length;
        }
        assertThat(mean).isCloseTo(0.5, within(0.01));
        assertThat(HistogramEqualisation.apply(new float[] {0.3f, 0.3f, 0.3f})).containsOnly(0.5f);
    }

    @Test
    void thePhotometricAugmentationLeavesItsInputAloneAndStaysInRange() {
        float[] input = new float[32 * 32];
        for (int i = 0; i < input.length; i++) {
            input[i] = (i % 32) / 31f;
        }
        float[] copy = input.clone();
        PhotometricAugmenter augmenter = new PhotometricAugmenter(1.0);
        Random random = new Random(2);
        for (int round = 0; round < 20; round++) {
            float[] out = augmenter.apply(input, 32, random);
            assertThat(out).hasSize(input.length);
            for (float v : out) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThat(input).containsExactly(copy);
    }
}
