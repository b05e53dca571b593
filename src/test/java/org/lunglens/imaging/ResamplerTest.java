package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    @ParameterizedTest
    @CsvSource({"224, 224, 64, 64", "256, 256, 224, 224", "7, 5, 3, 2", "10, 10, 33, 17", "5, 9, 12, 4"})
    void constantImageStaysConstant(int srcW, int srcH, int dstW, int dstH) {
        float[] src = new float[srcW * srcH];
        Arrays.fill(src, 0.37f);

        float[] out = Resampler.resize(src, srcW, srcH, dstW, dstH);

        assertThat(out).hasSize(dstW * dstH);
        for (float v : out) {
            assertThat(v).isCloseTo(0.37f, within(1e-6f));
        }
    }

    @Test
    void halvingTakesTheExactMeanOfEachBlock() {
        float[] src = new float[16];
        for (int i = 0; i < 16; i++) {
            src[i] = i;
        }

        float[] out = Resampler.resize(src, 4, 4, 2, 2);

        // Blocks {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}.
        assertThat(out).containsExactly(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, within(1e-6f));
    }

    @Test
    void nonIntegerShrinkWeighsPartialPixels() {
        float[] src = {0, 3, 6};

        float[] out = Resampler.resize(src, 3, 1, 2, 1);

        // Each target pixel covers 1.5 source pixels: (0 + 0.5*3)/1.5 and (0.5*3 + 6)/1.5.
        assertThat(out).containsExactly(new float[] {1f, 5f}, within(1e-6f));
    }

    @Test
    void shrinkingKeepsTheMean() {
        Random random = new Random(7);
        float[] src = new float[90 * 60];
        for (int i = 0; i < src.length; i++) {
            src[i] = random.nextFloat();
        }

        float[] out = Resampler.resize(src, 90, 60, 30, 20);

        assertThat(mean(out)).isCloseTo(mean(src), within(1e-5));
    }

    @Test
    void enlargingInterpolatesBetweenNeighboursAndKeepsEdges() {
        float[] src = {0, 1};

        float[] out = Resampler.resize(src, 2, 1, 4, 1);

        assertThat(out).containsExactly(new float[] {0f, 0.25f, 0.75f, 1f}, within(1e-6f));
    }

    @Test
    void sameSizeIsACopy() {
        float[] src = {1, 2, 3, 4};
        float[] out = Resampler.resize(src, 2, 2, 2, 2);

        assertThat(out).containsExactly(src).isNotSameAs(src);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
