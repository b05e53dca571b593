package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelViewsTest {
    private static PixelData rgb() {
        short[][] bands = {{10, 20}, {30, 40}, {50, 60}};
        return new PixelData(2, 1, 8, bands);
    }

    @Test
    void colourChannelsAreTheirBands() {
        assertThat(ChannelViews.compute(rgb(), ChannelView.RED).bandAsInts(0)).containsExactly(10, 20);
        assertThat(ChannelViews.compute(rgb(), ChannelView.GREEN).bandAsInts(0)).containsExactly(30, 40);
        assertThat(ChannelViews.compute(rgb(), ChannelView.BLUE).bandAsInts(0)).containsExactly(50, 60);
        assertThat(ChannelViews.channelsIdentical(rgb())).isFalse();
    }

    @Test
    void luminanceUsesBt601Weights() {
        int expected = (int) Math.round(0.299 * 10 + 0.587 * 30 + 0.114 * 50);
        assertThat(ChannelViews.compute(rgb(), ChannelView.LUMINANCE).sample(0, 0)).isEqualTo(expected);
    }

    @Test
    void grayImageChannelsAreIdenticalAndKeepBitDepth() {
        PixelData gray = PixelData.gray(2, 1, 16, new int[] {1000, 50000});
        assertThat(ChannelViews.channelsIdentical(gray)).isTrue();
        for (ChannelView v : ChannelView.values()) {
            PixelData out = ChannelViews.compute(gray, v);
            assertThat(out.bitDepth()).isEqualTo(16);
            assertThat(out.isGray()).isTrue();
        }
        assertThat(ChannelViews.compute(gray, ChannelView.RED).bandAsInts(0)).containsExactly(1000, 50000);
    }
}
