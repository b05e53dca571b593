package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.ColorMap;
import org.lunglens.imaging.PixelData;

/** The overlay rendering shared by the app and the CLI: threshold, colours, opacity, caption. */
class HeatmapRendererTest {
    /** A 2x2 map: 0, 0.1 on top, 0.5, 1 below; upsampled 1:1 it is exactly these values. */
    private static final Heatmap MAP = new Heatmap(2, 2, new float[] {0, 0.1f, 0.5f, 1}, 3.0, 1, "COVID", "layer 9");
    private static final OverlayStyle STYLE = new OverlayStyle(ColorMap.VIRIDIS, 0.5, 0.3);

    @Test
    void valuesBelowTheThresholdAreTransparentAndTheRestTakeTheColourMap() {
        int[] argb = HeatmapRenderer.colours(MAP, 2, 2, STYLE);
        assertThat(argb[0]).isZero();
        assertThat(argb[1]).isZero();
        assertThat(argb[2]).isEqualTo(ColorMap.VIRIDIS.argb(0.5));
        assertThat(argb[3]).isEqualTo(ColorMap.VIRIDIS.argb(1));
        assertThat(HeatmapRenderer.colours(MAP, 2, 2, STYLE.withThreshold(0.05))[1]).isEqualTo(ColorMap.VIRIDIS.argb(0.1));
    }

    @Test
    void anEmptyMapDrawsNothing() {
        Heatmap empty = new Heatmap(2, 2, new float[4], 0, 0, "Normal", "layer 9");
        assertThat(HeatmapRenderer.colours(empty, 8, 8, STYLE.withThreshold(0))).containsOnly(0);
    }

    @Test
    void overlayBlendsAtTheOpacityOnlyWhereHeatIsDrawn() {
        BufferedImage base = gray(2, 2, 100);
        BufferedImage half = HeatmapRenderer.overlay(base, MAP, STYLE);
        assertThat(half.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x646464);
        assertThat(half.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x646464);
        int heat = ColorMap.VIRIDIS.argb(1);
        int expected = HeatmapRenderer.blend(0xFF646464, heat, 0.5);
        assertThat(half.getRGB(1, 1)).isEqualTo(expected);
        assertThat(HeatmapRenderer.overlay(base, MAP, STYLE.withOpacity(1)).getRGB(1, 1)).isEqualTo(heat);
        assertThat(HeatmapRenderer.overlay(base, MAP, STYLE.withOpacity(0)).getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x646464);
    }

    @Test
    void heatFollowsTheMapWhenUpsampled() {
        Heatmap hotLeft = new Heatmap(4, 4, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0}, 1, 0, "A", "l");
        int[] argb = HeatmapRenderer.colours(hotLeft, 64, 64, STYLE);
        assertThat(argb[32 * 64 + 2]).isNotZero();
        assertThat(argb[32 * 64 + 60]).isZero();
    }

    @Test
    void captionKeepsTheViewAndAddsTextLegendAndDisclaimerBelow() {
        BufferedImage view = gray(300, 200, 50);
        BufferedImage out = HeatmapRenderer.withCaption(view, List.of("a", "b"), MAP, STYLE);
        assertThat(out.getWidth()).isGreaterThanOrEqualTo(560);
        assertThat(out.getHeight()).isGreaterThan(200 + 3 * 20);
        int left = (out.getWidth() - 300) / 2;
        assertThat(out.getRGB(left + 10, 10) & 0xFFFFFF).isEqualTo(0x323232);
        boolean legendDrawn = false;
        for (int y = 200; y < out.getHeight(); y++) {
            legendDrawn |= out.getRGB(10 + 100, y) == ColorMap.VIRIDIS.argb(100 / 319.0);
        }
        assertThat(legendDrawn).as("colour map legend under the view").isTrue();
    }

    @Test
    void grayImageEnlargesSmallFilms() {
        PixelData p = PixelData.gray(128, 64, 8, new int[128 * 64]);
        BufferedImage img = HeatmapRenderer.grayImage(p, 512);
        assertThat(img.getWidth()).isEqualTo(512);
        assertThat(img.getHeight()).isEqualTo(256);
    }

    private static BufferedImage gray(int w, int h, int v) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
