package org.lunglens.imaging;

/**
 * How an image is shown: the value window (centre and width, in the image's own units), inversion and
 * orientation. Rendering is a function of pixels and these settings only, so the viewer, the channel
 * grid and any later overlay agree on what is on screen.
 *
 * @param windowCenter   value shown as mid-gray (the "level")
 * @param windowWidth    range of values spread over black..white; at least 1
 * @param invert         white for low values (the look of a film negative / MONOCHROME1)
 * @param rotation       clockwise quarter turns in degrees: 0, 90, 180 or 270
 * @param flipHorizontal mirrored left-right on screen (after rotation)
 * @param flipVertical   mirrored top-bottom on screen (after rotation)
 */
public record DisplaySettings(double windowCenter, double windowWidth, boolean invert, int rotation,
        boolean flipHorizontal, boolean flipVertical) {

    public DisplaySettings {
        if (!(windowWidth >= 1)) {
            windowWidth = 1;
        }
        rotation = Math.floorMod(rotation, 360);
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("Rotation must be a multiple of 90 degrees, not " + rotation);
        }
    }

    /** Upright, not inverted, with the given window. */
    public static DisplaySettings of(ValueWindow window) {
        return new DisplaySettings(window.center(), window.width(), false, 0, false, false);
    }

    public ValueWindow window() {
        return new ValueWindow(windowCenter, windowWidth);
    }

    public DisplaySettings withWindow(ValueWindow window) {
        return new DisplaySettings(window.center(), window.width(), invert, rotation, flipHorizontal, flipVertical);
    }

    public DisplaySettings withInvert(boolean on) {
        return new DisplaySettings(windowCenter, windowWidth, on, rotation, flipHorizontal, flipVertical);
    }

    /** A quarter turn clockwise ({@code quarterTurns} may be negative). */
    public DisplaySettings rotated(int quarterTurns) {
        return new DisplaySettings(windowCenter, windowWidth, invert, rotation + 90 * quarterTurns,
                flipHorizontal, flipVertical);
    }

    public DisplaySettings flippedHorizontally() {
        return new DisplaySettings(windowCenter, windowWidth, invert, rotation, !flipHorizontal, flipVertical);
    }

    public DisplaySettings flippedVertically() {
        return new DisplaySettings(windowCenter, windowWidth, invert, rotation, flipHorizontal, !flipVertical);
    }

    /** True when a quarter turn swaps the image's width and height on screen. */
    public boolean sidesSwapped() {
        return rotation == 90 || rotation == 270;
    }
}
