package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.SharedData;

/** The {@code clahe} normalisation: a region's own exposure undone where global equalisation keeps it. */
class LocalEqualisationTest {
    @Test
    void aRegionExposedDifferentlyComesBackNearerItsFilmThanUnderGlobalEqualisation() throws Exception {
        PixelData film = new ImageLoader().load(SharedData.samples().resolve("Normal-1.png")).pixels();
        int size = 64;
        float[] unit = new Preprocessor(PreprocessingSpec.ofSize(size)).toInput(film);
        float[] darker = unit.clone();
        for (int i = size * size / 2; i < darker.length; i++) {
            darker[i] = 0.45f * darker[i]; // the lower half under-exposed: another framing, a grid, a processing
        }
        Preprocessor local = new Preprocessor(PreprocessingSpec.of(size, PreprocessingSpec.CLAHE));
        Preprocessor global = new Preprocessor(PreprocessingSpec.of(size, PreprocessingSpec.EQUALIZED));

        double localShift = lowerHalfDifference(local.normalise(unit), local.normalise(darker), size);
        double globalShift = lowerHalfDifference(global.normalise(unit), global.normalise(darker), size);

        assertThat(localShift).isLessThan(0.6 * globalShift);
        for (float v : local.normalise(darker)) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void aBlankInputStaysBlankAndTheSpecSaysWhatItDoes() {
        assertThat(LocalEqualisation.apply(new float[16 * 16], 16)).containsOnly(0f);
        PreprocessingSpec spec = PreprocessingSpec.of(64, PreprocessingSpec.CLAHE);
        assertThat(spec.locallyEqualized()).isTrue();
        assertThat(spec.equalized()).isFalse();
        assertThat(spec.describe()).contains("CLAHE, 4x4 tiles");
    }

    /**
     * Training normalises each augmented input once more; an input that reaches training without augmentation must
     * be the input inference gives. CLAHE applied twice is not CLAHE once: the first CLAHE run trained on inputs
     * equalised twice and validated on inputs equalised once (validation accuracy near the share of the majority
     * class for nine epochs).
     */
    @Test
    void trainingWithoutAugmentationSeesWhatInferenceSeesForEveryNormalisation() throws Exception {
        PixelData film = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png")).pixels();
        for (String normalisation : List.of(PreprocessingSpec.UNIT, PreprocessingSpec.EQUALIZED, PreprocessingSpec.CLAHE)) {
            for (double border : new double[] {0, 0.1}) {
                Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.of(64, normalisation, border));
                float[] source = preprocessor.augmentationSource().toInput(film);
                float[] inference = preprocessor.toInput(film);

                assertThat(preprocessor.fromAugmentationSource(source)).as(normalisation).containsExactly(inference);
                float[] trained = preprocessor.normalise(source);
                double largest = 0;
                for (int i = 0; i < trained.length; i++) {
                    largest = Math.max(largest, Math.abs(trained[i] - inference[i]));
                }
                assertThat(largest).as(normalisation + ", border " + border).isLessThan(1e-3);
            }
        }
    }

    private static double lowerHalfDifference(float[] a, float[] b, int size) {
        double sum = 0;
        int n = 0;
        for (int i = size * size / 2; i < a.length; i++, n++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / n;
    }
}
