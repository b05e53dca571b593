package org.lunglens.imaging;

/**
 * A small opaque ARGB picture of an image for a file list. Each thumbnail pixel averages a grid of
 * up to 4x4 luminance samples from the area it covers, so large images neither alias badly nor cost
 * a full pass.
 */
public record Thumbnail(int width, int height, int[] argb) {
    private static final int SAMPLES = 4;

    public static Thumbnail of(PixelData p, ValueWindow window, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(p.width(), p.height()));
        int tw = Math.max(1, (int) Math.round(p.width() * scale));
        int th = Math.max(1, (int) Math.round(p.height() * scale));
        DisplaySettings s = DisplaySettings.of(window);
        int[] out = new int[tw * th];
        double cellW = (double) p.width() / tw;
        double cellH = (double) p.height() / th;
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                double sum = 0;
                int n = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    int y = Math.min(p.height() - 1, (int) ((ty + (sy + 0.5) / SAMPLES) * cellH));
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        int x = Math.min(p.width() - 1, (int) ((tx + (sx + 0.5) / SAMPLES) * cellW));
                        sum += p.luminance(y * p.width() + x);
                        n++;
                    }
                }
                int g = WindowLevel.displayValue(sum / n, s);
                out[ty * tw + tx] = 0xFF000000 | g << 16 | g << 8 | g;
            }
        }
        return new Thumbnail(tw, th, out);
    }
}
