package org.lunglens.imaging;

/**
 * A value window: values from {@link #lower()} to {@link #upper()} spread linearly over black..white,
 * values outside clip. Units are the image's own (0..65535 for 16-bit data).
 */
public record ValueWindow(double center, double width) {
    public ValueWindow {
        if (!(width >= 1)) {
            width = 1;
        }
    }

    /** The window from {@code lower} to {@code upper}. */
    public static ValueWindow between(double lower, double upper) {
        return new ValueWindow((lower + upper) / 2, Math.max(1, upper - lower));
    }

    public double lower() {
        return center - width / 2;
    }

    public double upper() {
        return center + width / 2;
    }
}
