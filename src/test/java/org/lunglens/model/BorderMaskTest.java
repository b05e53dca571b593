package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.SharedData;

class BorderMaskTest {
    private static final int SIZE = 64;
    private final PreprocessingSpec masked = PreprocessingSpec.of(SIZE, PreprocessingSpec.EQUALIZED, 0.1);

    private static PixelData film() throws Exception {
        return new ImageLoader().load(SharedData.samples().resolve("Normal-1.png")).pixels();
    }

    /** The film with a bright label burned into its top-left corner and its right side blacked out. */
    private static PixelData withLabelAndCollimation(PixelData film) {
        int w = film.width();
        int h = film.height();
        int[] samples = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(film.luminance(y * w + x));
                if (x < w / 20 && y < h / 20) {
                    v = film.maxValue();
                } else if (x >= w - w / 20) {
                    v = 0;
                }
                samples[y * w + x] = v;
            }
        }
        return PixelData.gray(w, h, film.bitDepth(), samples);
    }

    @Test
    void theBandIsZeroAndWhatLiesInItChangesNothingTheModelSees() throws Exception {
        Preprocessor preprocessor = new Preprocessor(masked);
        PixelData film = film();

        float[] plain = preprocessor.toInput(film);
        float[] labelled = preprocessor.toInput(withLabelAndCollimation(film));

        int border = masked.borderPixels();
        assertThat(border).isEqualTo(6);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (BorderMask.inBand(x, y, SIZE, border)) {
                    assertThat(plain[y * SIZE + x]).isZero();
                }
            }
        }
        // The centre is equalised on its own histogram: a label or a black edge in the band moves nothing
        assertThat(labelled).containsExactly(plain, within(1e-6f));
        // ...whereas the unmasked equalised input shifts everywhere
        Preprocessor whole = new Preprocessor(PreprocessingSpec.of(SIZE, PreprocessingSpec.EQUALIZED));
        float[] a = whole.toInput(film);
        float[] b = whole.toInput(withLabelAndCollimation(film));
        int centre = (SIZE / 2) * SIZE + SIZE / 2;
        assertThat(a[centre]).isNotEqualTo(b[centre]);
    }

    @Test
    void maskingTheUnmaskedInputGivesTheModelInput() throws Exception {
        Preprocessor preprocessor = new Preprocessor(masked);
        PixelData film = film();

        float[] unmasked = preprocessor.augmentationSource().toInput(film);

        assertThat(preprocessor.fromAugmentationSource(unmasked)).containsExactly(preprocessor.toInput(film));
        assertThat(unmasked[0]).isGreaterThan(0f); // the band is still there to be shifted by augmentation
        Preprocessor none = new Preprocessor(PreprocessingSpec.of(SIZE, PreprocessingSpec.EQUALIZED));
        assertThat(none.augmentationSource()).isSameAs(none);
    }

    @Test
    void aMaskedSpecSurvivesTheModelFileAndAnUnmaskedOneIsWrittenAsBefore(@TempDir Path tmp) throws Exception {
        var json = ModelFile.json();

        String unmasked = json.writeValueAsString(PreprocessingSpec.of(SIZE, PreprocessingSpec.EQUALIZED));
        String withMask = json.writeValueAsString(masked);

        assertThat(unmasked).doesNotContain("border");
        assertThat(json.readValue(unmasked, PreprocessingSpec.class)).isEqualTo(PreprocessingSpec.of(SIZE, "equalized"));
        assertThat(json.readValue(withMask, PreprocessingSpec.class)).isEqualTo(masked);
        Path old = Files.writeString(tmp.resolve("old.json"),
                "{\"size\":128,\"interpolation\":\"area\",\"normalisation\":\"unit\"}");
        assertThat(json.readValue(old.toFile(), PreprocessingSpec.class).border()).isZero();
    }

    @Test
    void aBorderBeyondAQuarterIsRefused() {
        assertThatThrownBy(() -> PreprocessingSpec.of(SIZE, PreprocessingSpec.UNIT, 0.3))
                .hasMessageContaining("border mask");
        assertThatThrownBy(() -> PreprocessingSpec.of(SIZE, PreprocessingSpec.UNIT, -0.1))
                .hasMessageContaining("border mask");
        assertThat(masked.describe()).contains("outer 6 px of each side (10%) set to 0");
    }
}
