package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomCropTest {
    private static final int SIZE = 64;

    /** value = column / (SIZE - 1): a crop shows up as a narrower, still increasing ramp on every row. */
    private static float[] ramp() {
        float[] in = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                in[y * SIZE + x] = x / (float) (SIZE - 1);
            }
        }
        return in;
    }

    @Test
    void neverCroppingLeavesTheInputAsItIs() {
        float[] in = ramp();
        float[] out = new RandomCrop(0).apply(in, SIZE, new Random(1));
        assertThat(out).containsExactly(in).isNotSameAs(in);
    }

    @Test
    void aCropIsAWindowOfSixtyToAHundredPercentScaledToTheFullInput() {
        float[] in = ramp();
        Random random = new Random(5);
        RandomCrop crop = new RandomCrop(1);
        for (int trial = 0; trial < 200; trial++) {
            float[] out = crop.apply(in, SIZE, random);
            double span = out[SIZE - 1] - out[0];
            // The window's side, read off the ramp: between 60% and 100% of the input's (bilinear edges aside)
            assertThat(span).isBetween(RandomCrop.MIN_SIDE - 2.0 / SIZE, 1.0);
            assertThat(out[0]).isGreaterThanOrEqualTo(0f);
            assertThat(out[SIZE - 1]).isLessThanOrEqualTo(1f);
            for (int x = 1; x < SIZE; x++) {
                assertThat(out[x]).isGreaterThanOrEqualTo(out[x - 1]);
            }
            // The ramp is the same on every row: a square window, not a shear
            assertThat(out[(SIZE - 1) * SIZE + 7]).isCloseTo(out[7], within(1e-6f));
        }
    }

    @Test
    void theCardSaysWhatItDoesAndABadProbabilityIsRefused() {
        assertThat(new RandomCrop(0.5).description()).contains("p=0.5").contains("60-100%");
        assertThatThrownBy(() -> new RandomCrop(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
