package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;

class PreprocessorTest {
    private final Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.ofSize(64));

    @Test
    void outputIsTheSpecSizeWithValuesInUnitRange() throws Exception {
        PixelData p = new ImageLoader().load(ImageFixtures.samples().resolve("Normal-1.png")).pixels();

        float[] input = preprocessor.toInput(p);

        assertThat(input).hasSize(64 * 64);
        for (float v : input) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void fullScaleMapsToZeroAndOne() {
        int[] samples = new int[100 * 50];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i % 100 < 50 ? 0 : 65535;
        }

        float[] input = preprocessor.toInput(PixelData.gray(100, 50, 16, samples));

        assertThat(input[0]).isEqualTo(0f);
        assertThat(input[63]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void sixteenBitTimes257GivesTheSameInputAsEightBit() {
        int[] eight = new int[37 * 23];
        int[] sixteen = new int[eight.length];
        for (int i = 0; i < eight.length; i++) {
            eight[i] = (i * 31) % 256;
            sixteen[i] = eight[i] * 257;
        }

        float[] a = preprocessor.toInput(PixelData.gray(37, 23, 8, eight));
        float[] b = preprocessor.toInput(PixelData.gray(37, 23, 16, sixteen));

        assertThat(b).containsExactly(a, within(1e-6f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COVID-1", "Normal-1", "Viral Pneumonia-1"})
    void sixteenBitSampleGivesTheSameInputAsItsEightBitExport(String name) throws Exception {
        ImageLoader loader = new ImageLoader();
        Path samples = ImageFixtures.samples();
        Preprocessor full = new Preprocessor(PreprocessingSpec.ofSize(224));

        float[] a = full.toInput(loader.load(samples.resolve(name + ".png")).pixels());
        float[] b = full.toInput(loader.load(samples.resolve(name + "-16bit.png")).pixels());

        assertThat(b).containsExactly(a, within(1e-6f));
    }

    @Test
    void colourIsReducedToBt601Luma() {
        short[][] rgb = new short[3][16 * 16];
        Arrays.fill(rgb[0], (short) 200);
        Arrays.fill(rgb[1], (short) 100);
        Arrays.fill(rgb[2], (short) 50);

        float[] input = new Preprocessor(PreprocessingSpec.ofSize(8)).toInput(new PixelData(16, 16, 8, rgb));

        float luma = (float) ((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255);
        for (float v : input) {
            assertThat(v).isCloseTo(luma, within(1e-6f));
        }
    }

    @Test
    void nonSquareImagesAreStretchedToTheSquareInput() {
        int[] samples = new int[128 * 32];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i % 128) < 64 ? 0 : 255;
        }

        float[] input = new Preprocessor(PreprocessingSpec.ofSize(16)).toInput(PixelData.gray(128, 32, 8, samples));

        assertThat(input).hasSize(256);
        assertThat(input[16 * 15 + 7]).isZero();
        assertThat(input[16 * 15 + 8]).isCloseTo(1f, within(1e-6f));
    }
}
