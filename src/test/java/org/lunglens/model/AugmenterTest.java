package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    @Test
    void changesTheImageButNotItsInputAndStaysInRange() {
        int size = 32;
        float[] input = new float[size * size];
        for (int i = 0; i < input.length; i++) {
            input[i] = (i % size) / (float) size;
        }
        float[] copy = input.clone();
        float[] out = Augmenter.standard().apply(input, size, new Random(1));
        assertThat(input).containsExactly(copy);
        assertThat(out).hasSize(input.length).isNotEqualTo(input);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void isReproducibleForASeed() {
        float[] input = new float[16 * 16];
        input[100] = 1;
        assertThat(Augmenter.standard().apply(input, 16, new Random(5)))
                .containsExactly(Augmenter.standard().apply(input, 16, new Random(5)));
    }
}
