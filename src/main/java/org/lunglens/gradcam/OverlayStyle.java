package org.lunglens.gradcam;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lunglens.imaging.ColorMap;

/**
 * How a heatmap is drawn over an image.
 *
 * @param colorMap  perceptual colour map for values 0..1 (0 = none of the map's maximum, 1 = its maximum)
 * @param opacity   0 = invisible, 1 = the heat hides the image
 * @param threshold values below it are not drawn at all, so weak heat does not veil the film
 */
public record OverlayStyle(ColorMap colorMap, double opacity, double threshold) {
    public static final OverlayStyle DEFAULT = new OverlayStyle(ColorMap.INFERNO, 0.5, 0.3);

    public OverlayStyle {
        if (colorMap == null) {
            throw new IllegalArgumentException("A colour map is required");
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("Opacity must be in [0, 1], not " + opacity);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Threshold must be in [0, 1], not " + threshold);
        }
    }

    public OverlayStyle withColorMap(ColorMap map) {
        return new OverlayStyle(map, opacity, threshold);
    }

    public OverlayStyle withOpacity(double value) {
        return new OverlayStyle(colorMap, value, threshold);
    }

    public OverlayStyle withThreshold(double value) {
        return new OverlayStyle(colorMap, opacity, value);
    }

    /** The settings as text, for logs and captions. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("colorMap", colorMap.displayName());
        m.put("opacity", String.format(Locale.ROOT, "%.2f", opacity));
        m.put("threshold", String.format(Locale.ROOT, "%.2f", threshold));
        return m;
    }
}
