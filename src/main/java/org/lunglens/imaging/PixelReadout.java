package org.lunglens.imaging;

import java.util.Locale;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.PixelData;

/** The status bar's words for the pixel under the pointer, in the image's own bit depth. */
public final class PixelReadout {
    private PixelReadout() {
    }

    /**
     * @param shown the one-band view on screen, or null for the image as stored
     * @param view  which view {@code shown} is, or null
     */
    public static String describe(PixelData image, PixelData shown, ChannelView view, int x, int y) {
        return describe(image, ValueScale.IDENTITY, shown, view, x, y);
    }

    /**
     * As {@link #describe(PixelData, PixelData, ChannelView, int, int)}, a gray image's value in the file's own units
     * first when {@code scale} is not the identity (e.g. "value -1024 HU (sample 31744, 16-bit, 0-65535)").
     */
    public static String describe(PixelData image, ValueScale scale, PixelData shown, ChannelView view, int x,
            int y) {
        String at = String.format(Locale.ROOT, "x %d, y %d", x, y);
        String depth = String.format(Locale.ROOT, " (%d-bit, 0-%d)", image.bitDepth(), image.maxValue());
        if (shown != null && view != null) {
            return at + ": " + view.label() + " " + shown.sample(0, x, y)
                    + (view.hasOwnScale() ? "" : depth);
        }
        if (image.isGray() && !scale.isIdentity()) {
            return at + ": value " + scale.format(image.sample(0, x, y)) + String.format(Locale.ROOT,
                    " (sample %d, %d-bit, 0-%d)", image.sample(0, x, y), image.bitDepth(), image.maxValue());
        }
        if (image.isGray()) {
            return at + ": value " + image.sample(0, x, y) + depth;
        }
        return at + String.format(Locale.ROOT, ": R %d, G %d, B %d", image.sample(0, x, y), image.sample(1, x, y),
                image.sample(2, x, y)) + depth;
    }
}
