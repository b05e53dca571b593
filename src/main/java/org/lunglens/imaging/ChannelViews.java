package org.lunglens.imaging;

/** Computes {@link ChannelView}s of an image as one-band {@link PixelData} in the image's own bit depth. */
public final class ChannelViews {
    private ChannelViews() {
    }

    /**
     * True when the image's colour channels carry no separate information: a gray image, or RGB with
     * R = G = B everywhere.
     */
    public static boolean channelsIdentical(PixelData p) {
        return p.isGray() || p.colourBandsEqual();
    }

    public static PixelData compute(PixelData p, ChannelView view) {
        return switch (view) {
            case RED -> band(p, 0);
            case GREEN -> band(p, 1);
            case BLUE -> band(p, 2);
            case LUMINANCE -> luminance(p);
            case CLAHE -> Clahe.apply(luminance(p), 8, 8, 2.5);
            case UNSHARP -> Filters.unsharpMask(luminance(p), unsharpSigma(p), 1.0);
            case EDGES -> Filters.sobelMagnitude(luminance(p));
        };
    }

    /** Blur radius that suits structures of a few millimetres whatever the image size. */
    static double unsharpSigma(PixelData p) {
        return Math.max(1.5, Math.min(p.width(), p.height()) / 150.0);
    }

    private static PixelData band(PixelData p, int band) {
        int b = p.isGray() ? 0 : band;
        return PixelData.gray(p.width(), p.height(), p.bitDepth(), p.bandAsInts(b));
    }

    /** The luminance as a one-band image (a gray image is returned as is). */
    public static PixelData luminance(PixelData p) {
        if (p.isGray()) {
            return p;
        }
        int n = p.width() * p.height();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) Math.round(p.luminance(i));
        }
        return PixelData.gray(p.width(), p.height(), p.bitDepth(), out);
    }
}
