package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelDataTest {
    @Test
    void sixteenBitSamplesAreUnsigned() {
        PixelData p = PixelData.gray(2, 1, 16, new int[] {65535, 40000});

        assertThat(p.sample(0, 0, 0)).isEqualTo(65535);
        assertThat(p.sample(0, 1)).isEqualTo(40000);
        assertThat(p.maxValue()).isEqualTo(65535);
        assertThat(p.valueRange()).containsExactly(40000, 65535);
        assertThat(p.bandAsInts(0)).containsExactly(65535, 40000);
    }

    @Test
    void luminanceUsesBt601Weights() {
        short[][] rgb = {{200}, {100}, {50}};
        PixelData p = new PixelData(1, 1, 8, rgb);

        assertThat(p.luminance(0)).isCloseTo(0.299 * 200 + 0.587 * 100 + 0.114 * 50, within(1e-9));
        assertThat(PixelData.gray(1, 1, 8, new int[] {77}).luminance(0)).isEqualTo(77.0);
    }

    @Test
    void alphaIsLeftOutOfTheRangeAndOpacityIsPerBitDepth() {
        short[][] rgba = {{10, 20}, {10, 20}, {10, 20}, {(short) 255, (short) 255}};
        PixelData opaque = new PixelData(2, 1, 8, rgba);

        assertThat(opaque.valueRange()).containsExactly(10, 20);
        assertThat(opaque.opaque()).isTrue();
        assertThat(opaque.colourBandsEqual()).isTrue();
        assertThat(opaque.withoutAlpha().bandCount()).isEqualTo(3);
        assertThat(opaque.firstBandOnly().isGray()).isTrue();

        short[][] rgba16 = {{1}, {1}, {1}, {(short) 255}};
        assertThat(new PixelData(1, 1, 16, rgba16).opaque()).isFalse();
    }

    @Test
    void differentColourBandsAreNotGray() {
        short[][] rgb = {{1, 2}, {1, 2}, {1, 3}};
        assertThat(new PixelData(2, 1, 8, rgb).colourBandsEqual()).isFalse();
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> new PixelData(0, 1, 8, new short[][] {{}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Image size must be positive: 0x1");
        assertThatThrownBy(() -> new PixelData(1, 1, 12, new short[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Bit depth must be 8 or 16, not 12");
        assertThatThrownBy(() -> new PixelData(1, 1, 8, new short[][] {{0}, {0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Expected 1, 3 or 4 bands, not 2");
        assertThatThrownBy(() -> new PixelData(2, 2, 8, new short[][] {{0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Band length 3 != 4");
    }
}
