package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowLevelTest {
    private static int gray(int argb) {
        return argb & 0xFF;
    }

    @Test
    void fullEightBitWindowIsIdentity() {
        DisplaySettings s = DisplaySettings.of(ValueWindow.between(0, 255));
        int[] lut = WindowLevel.lookupTable(s, 255);
        for (int v = 0; v <= 255; v++) {
            assertThat(lut[v]).isEqualTo(v);
        }
    }

    @Test
    void sixteenBitValuesMapThroughTheirOwnWindow() {
        PixelData p = PixelData.gray(4, 1, 16, new int[] {1000, 2000, 3000, 60000});
        int[] argb = WindowLevel.toArgb(p, DisplaySettings.of(ValueWindow.between(1000, 3000)));
        assertThat(gray(argb[0])).isZero();
        assertThat(gray(argb[1])).isEqualTo(128);
        assertThat(gray(argb[2])).isEqualTo(255);
        assertThat(gray(argb[3])).as("above the window clips to white").isEqualTo(255);
        assertThat(argb[0] >>> 24).as("opaque").isEqualTo(0xFF);
    }

    @Test
    void invertSwapsBlackAndWhite() {
        DisplaySettings s = DisplaySettings.of(ValueWindow.between(0, 255)).withInvert(true);
        assertThat(WindowLevel.displayValue(0, s)).isEqualTo(255);
        assertThat(WindowLevel.displayValue(255, s)).isZero();
    }

    @Test
    void colourBandsAreWindowedAlike() {
        short[][] bands = {{(short) 255}, {(short) 128}, {(short) 0}};
        int[] argb = WindowLevel.toArgb(new PixelData(1, 1, 8, bands), DisplaySettings.of(ValueWindow.between(0, 255)));
        assertThat(argb[0]).isEqualTo(0xFFFF8000);
    }

    @Test
    void largeSixteenBitImageRendersEveryRow() {
        int w = 1000;
        int h = 777;
        int[] v = new int[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = 65535;
        }
        int[] argb = WindowLevel.toArgb(PixelData.gray(w, h, 16, v), DisplaySettings.of(ValueWindow.between(0, 65535)));
        assertThat(argb).containsOnly(0xFFFFFFFF);
    }

    @Test
    void settingsRotateInQuarterTurnsAndFlipBack() {
        DisplaySettings s = DisplaySettings.of(ValueWindow.between(0, 255));
        assertThat(s.rotated(1).rotation()).isEqualTo(90);
        assertThat(s.rotated(-1).rotation()).isEqualTo(270);
        assertThat(s.rotated(4)).isEqualTo(s);
        assertThat(s.rotated(1).sidesSwapped()).isTrue();
        assertThat(s.flippedHorizontally().flippedHorizontally()).isEqualTo(s);
        assertThat(s.withWindow(new ValueWindow(10, 0)).windowWidth()).as("width at least 1").isEqualTo(1);
    }
}
