package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomErasingTest {
    private static final int SIZE = 64;
    private static final float GREY = 0.5f;

    private static float[] grey() {
        float[] input = new float[SIZE * SIZE];
        Arrays.fill(input, GREY);
        return input;
    }

    @Test
    void replacesOneRectangleOfTwoToTwentyPercentWithNoiseAndLeavesTheRestAndTheInput() {
        float[] input = grey();
        for (int seed = 0; seed < 200; seed++) {
            float[] out = new RandomErasing(1).apply(input, SIZE, new Random(seed));

            int minX = SIZE, minY = SIZE, maxX = -1, maxY = -1, changed = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    float v = out[y * SIZE + x];
                    assertThat(v).isBetween(0f, 1f);
                    if (v != GREY) {
                        changed++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            int box = (maxX - minX + 1) * (maxY - minY + 1);
            // Every changed pixel lies in one rectangle, and (noise hitting 0.5 exactly aside) fills it
            assertThat(changed).as("seed %d", seed).isGreaterThan(box * 99 / 100);
            // 2-20% of the image, with a pixel of rounding on each side
            assertThat(box).as("seed %d", seed).isBetween((int) (0.02 * SIZE * SIZE * 0.8), (int) (0.20 * SIZE * SIZE * 1.2));
        }
        assertThat(input).containsOnly(GREY);
    }

    @Test
    void erasesAboutAsOftenAsItsProbabilitySays() {
        RandomErasing half = new RandomErasing(0.5);
        Random random = new Random(3);
        int erased = 0;
        for (int i = 0; i < 1000; i++) {
            float[] out = half.apply(grey(), SIZE, random);
            if (!Arrays.equals(out, grey())) {
                erased++;
            }
        }
        assertThat(erased).isBetween(440, 560);
        assertThat(new RandomErasing(0).apply(grey(), SIZE, new Random(1))).containsExactly(grey());
    }

    @Test
    void followsTheStandardAugmentationWhenTrainingAsksForIt() {
        float[] input = grey();
        Augmentation chained = Augmenter.standard().andThen(new RandomErasing(1));
        float[] expected = new RandomErasing(1).apply(Augmenter.standard().apply(input, SIZE, new Random(9)), SIZE,
                seededAfterStandard(input, 9));
        assertThat(chained.apply(input, SIZE, new Random(9))).containsExactly(expected);
    }

    /** A generator in the state the chained augmentation leaves it in after the standard step. */
    private static Random seededAfterStandard(float[] input, long seed) {
        Random random = new Random(seed);
        Augmenter.standard().apply(input, SIZE, random);
        return random;
    }

    @Test
    void trainingErasesOnlyWhenItsOptionsAskForIt() {
        // The standard augmentation keeps a flat image flat (shifted in brightness at most); erasing adds noise
        float[] plain = Trainer.augmentationFor(options(0)).apply(grey(), SIZE, new Random(4));
        float[] erased = Trainer.augmentationFor(options(1)).apply(grey(), SIZE, new Random(4));

        assertThat(distinctValues(plain)).isEqualTo(1);
        assertThat(distinctValues(erased)).isGreaterThan(100);
    }

    private static TrainingOptions options(double erase) {
        return new TrainingOptions(Path.of("data"), "binary", Path.of("m.zip"), SIZE, Architectures.CNN, 4,
                new int[] {8, 16}, 1, 16, 1, 0, 1e-3, 1, false, 0, "", true, 1.0, 0, new int[] {1}, erase);
    }

    private static long distinctValues(float[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> values[i]).distinct().count();
    }

    @Test
    void describesItselfForTheModelCard() {
        assertThat(new RandomErasing(0.5).description())
                .isEqualTo("random erasing p=0.5 (one rectangle of 2-20% of the image replaced by noise)");
    }

    @Test
    void refusesAProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> new RandomErasing(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomErasing(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
