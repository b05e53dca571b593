package org.lunglens.imaging;

import java.util.Locale;

/**
 * Perceptually uniform colour maps for heatmaps (matplotlib's Viridis and Inferno), interpolated
 * linearly between their published stops. No rainbow map: it invents edges that are not in the data.
 */
public enum ColorMap {
    INFERNO(0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D, 0xFCFFA4),
    VIRIDIS(0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xFDE725);

    private final int[] stops;
    private final int[] table = new int[256];

    ColorMap(int... stops) {
        this.stops = stops;
        for (int i = 0; i < 256; i++) {
            table[i] = interpolate(i / 255.0);
        }
    }

    /** Opaque ARGB colour of a value in [0, 1] (clamped). */
    public int argb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return table[(int) Math.round(v * 255)];
    }

    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    private int interpolate(double v) {
        double pos = v * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double t = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
