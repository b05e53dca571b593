package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistogramAndPresetTest {
    /** 0..999 once each, scaled into 16-bit. */
    private static PixelData ramp16() {
        int[] v = new int[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10_000 + i * 10;
        }
        return PixelData.gray(100, 10, 16, v);
    }

    @Test
    void histogramKnowsRangeAndPercentiles() {
        Histogram h = Histogram.of(ramp16());
        assertThat(h.maxValue()).isEqualTo(65535);
        assertThat(h.min()).isEqualTo(10_000);
        assertThat(h.max()).isEqualTo(19_990);
        assertThat(h.total()).isEqualTo(1000);
        assertThat(h.percentile(50)).isEqualTo(10_000 + 499 * 10);
        assertThat(h.percentile(0)).isEqualTo(10_000);
        assertThat(h.percentile(100)).isEqualTo(19_990);
    }

    @Test
    void binnedCountsEveryPixelOnce() {
        Histogram h = Histogram.of(ramp16());
        long[] bins = h.binned(64, h.min(), h.max());
        assertThat(Arrays.stream(bins).sum()).isEqualTo(1000);
    }

    @Test
    void colourHistogramCountsLuminance() {
        short[][] bands = {{(short) 200}, {(short) 100}, {(short) 0}};
        Histogram h = Histogram.of(new PixelData(1, 1, 8, bands));
        assertThat(h.min()).isEqualTo((int) Math.round(0.299 * 200 + 0.587 * 100));
    }

    @Test
    void presetsFollowTheImagesOwnRange() {
        Histogram h = Histogram.of(ramp16());
        ValueWindow full = WindowPreset.FULL.window(h);
        ValueWindow auto = WindowPreset.AUTO.window(h);
        ValueWindow lung = WindowPreset.LUNG.window(h);
        ValueWindow bone = WindowPreset.BONE.window(h);
        assertThat(full.lower()).isEqualTo(10_000);
        assertThat(full.upper()).isEqualTo(19_990);
        assertThat(auto.lower()).isGreaterThan(full.lower());
        assertThat(auto.upper()).isLessThan(full.upper());
        assertThat(lung.center()).as("lung window sits on the dark tones").isLessThan(bone.center());
        assertThat(lung.lower()).isGreaterThanOrEqualTo(full.lower());
        assertThat(bone.upper()).isLessThanOrEqualTo(full.upper());
    }

    @Test
    void presetsOfAFlatImageStillHaveAWidth() {
        Histogram h = Histogram.of(PixelData.gray(2, 2, 8, new int[] {7, 7, 7, 7}));
        for (WindowPreset p : WindowPreset.values()) {
            assertThat(p.window(h).width()).isGreaterThanOrEqualTo(1);
        }
    }
}
