package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static double lowerHalfDifference(float[] a, float[] b, int size) {
        double sum = 0;
        int n = 0;
        for (int i = size * size / 2; i < a.length; i++, n++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / n;
    }
}
