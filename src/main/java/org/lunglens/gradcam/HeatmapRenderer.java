package org.lunglens.gradcam;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.lunglens.imaging.ColorMap;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.WindowLevel;
import org.lunglens.imaging.WindowPreset;

/**
 * Draws heatmaps into plain {@link BufferedImage}s: the one rendering that the app (overlay, side-by-side,
 * export) and {@code classify --gradcam} share. No toolkit, no state.
 */
public final class HeatmapRenderer {
    public static final String DISCLAIMER = "Teaching and research only; not for clinical diagnosis.";
    private static final int MIN_CAPTION_WIDTH = 560;
    private static final int PAD = 10;

    private HeatmapRenderer() {
    }

    /**
     * Non-premultiplied ARGB of the heatmap upsampled to {@code width x height}: opaque colour-map colours
     * where the value reaches the threshold, fully transparent elsewhere (and everywhere for an empty map).
     * Opacity is left to the caller (the app fades the whole layer; {@link #overlay} blends with it).
     */
    public static int[] colours(Heatmap map, int width, int height, OverlayStyle style) {
        int[] argb = new int[width * height];
        if (map.isEmpty()) {
            return argb;
        }
        float[] values = map.upsample(width, height);
        for (int i = 0; i < argb.length; i++) {
            float v = values[i];
            if (v > 0 && v >= style.threshold()) {
                argb[i] = style.colorMap().argb(v);
            }
        }
        return argb;
    }

    /** The heatmap alone, transparent below the threshold. */
    public static BufferedImage heatmapImage(Heatmap map, int width, int height, OverlayStyle style) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, colours(map, width, height, style), 0, width);
        return img;
    }

    /** {@code base} with the heatmap blended over it at the style's opacity; an opaque RGB copy. */
    public static BufferedImage overlay(BufferedImage base, Heatmap map, OverlayStyle style) {
        int w = base.getWidth();
        int h = base.getHeight();
        int[] under = base.getRGB(0, 0, w, h, null, 0, w);
        int[] heat = colours(map, w, h, style);
        double a = style.opacity();
        for (int i = 0; i < under.length; i++) {
            if (heat[i] != 0) {
                under[i] = blend(under[i], heat[i], a);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, under, 0, w);
        return out;
    }

    static int blend(int under, int over, double alpha) {
        int r = mix((under >> 16) & 0xFF, (over >> 16) & 0xFF, alpha);
        int g = mix((under >> 8) & 0xFF, (over >> 8) & 0xFF, alpha);
        int b = mix(under & 0xFF, over & 0xFF, alpha);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a * (1 - t) + b * t);
    }

    /** A film as the viewer first shows it (auto window), as gray RGB, scaled so its longer side is at least {@code minSide}. */
    public static BufferedImage grayImage(PixelData pixels, int minSide) {
        int[] argb = WindowLevel.toArgb(pixels, org.lunglens.imaging.DisplaySettings.of(
                WindowPreset.AUTO.window(Histogram.of(pixels))));
        BufferedImage img = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, pixels.width(), pixels.height(), argb, 0, pixels.width());
        int longer = Math.max(pixels.width(), pixels.height());
        if (longer >= minSide) {
            return img;
        }
        double s = (double) minSide / longer;
        BufferedImage big = new BufferedImage((int) Math.round(pixels.width() * s), (int) Math.round(pixels.height() * s),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        return big;
    }

    /**
     * {@code view} above a caption: the given lines (prediction, explained class...), a legend of the colour
     * map from 0 to the map's maximum with the threshold marked (when {@code map} is not null), and the
     * disclaimer in red. The result is at least {@value #MIN_CAPTION_WIDTH} px wide so the text fits.
     */
    public static BufferedImage withCaption(BufferedImage view, List<String> lines, Heatmap map, OverlayStyle style) {
        return withCaption(view, lines, map, style, "Grad-CAM");
    }

    /** The same, with the legend naming the kind of map ({@code "Grad-CAM"}, {@code "Occlusion"}). */
    public static BufferedImage withCaption(BufferedImage view, List<String> lines, Heatmap map, OverlayStyle style,
                                            String mapKind) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        int lineH = 20;
        int legendH = map == null ? 0 : 38;
        int width = Math.max(view.getWidth(), MIN_CAPTION_WIDTH);
        int captionH = PAD + lineH * (lines.size() + 1) + legendH + PAD;
        BufferedImage out = new BufferedImage(width, view.getHeight() + captionH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1E1E1E));
        g.fillRect(0, 0, width, out.getHeight());
        g.drawImage(view, (width - view.getWidth()) / 2, 0, null);
        g.setFont(font);
        int y = view.getHeight() + PAD + 15;
        g.setColor(Color.WHITE);
        for (String line : lines) {
            g.drawString(line, PAD, y);
            y += lineH;
        }
        if (map != null) {
            drawLegend(g, map, style, PAD, y - 10, Math.min(320, width - 2 * PAD), mapKind);
            y += legendH;
        }
        g.setColor(new Color(0xFF6B60));
        g.setFont(font.deriveFont(Font.BOLD));
        g.drawString(DISCLAIMER, PAD, y);
        g.dispose();
        return out;
    }

    private static void drawLegend(Graphics2D g, Heatmap map, OverlayStyle style, int x, int y, int w, String kind) {
        int barH = 12;
        ColorMap cm = style.colorMap();
        for (int i = 0; i < w; i++) {
            g.setColor(new Color(cm.argb(i / (double) (w - 1)), true));
            g.fillRect(x + i, y, 1, barH);
        }
        int tx = x + (int) Math.round(style.threshold() * (w - 1));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2));
        g.drawLine(tx, y - 3, tx, y + barH + 3);
        g.setFont(g.getFont().deriveFont(12f));
        FontMetrics fm = g.getFontMetrics();
        int ty = y + barH + fm.getAscent() + 2;
        g.drawString("0", x, ty);
        String max = String.format(Locale.ROOT, "max %.3g", map.rawMax());
        g.drawString(max, x + w - fm.stringWidth(max), ty);
        String threshold = String.format(Locale.ROOT, "threshold %.2f", style.threshold());
        g.drawString(threshold, Math.max(x + 20, Math.min(tx - fm.stringWidth(threshold) / 2, x + w - fm.stringWidth(max)
                - fm.stringWidth(threshold) - 10)), ty);
        g.drawString(kind + " (" + cm.displayName() + ")", x + w + 12, y + barH);
    }
}
