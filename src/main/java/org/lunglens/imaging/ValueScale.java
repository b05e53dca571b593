package org.lunglens.imaging;

/**
 * What a sample means: {@code value = slope * sample + intercept}, e.g. a DICOM's rescale slope and intercept (and
 * the shift that keeps signed data unsigned). The viewer windows samples; it shows values.
 *
 * @param unit what the values measure ("HU", or "" when the file does not say)
 */
public record ValueScale(double slope, double intercept, String unit) {
    /** Samples are the values. */
    public static final ValueScale IDENTITY = new ValueScale(1, 0, "");

    public ValueScale {
        if (!(slope != 0 && Double.isFinite(slope) && Double.isFinite(intercept))) {
            slope = 1;
            intercept = 0;
        }
        unit = unit == null ? "" : unit;
    }

    public double value(double sample) {
        return slope * sample + intercept;
    }

    public double sample(double value) {
        return (value - intercept) / slope;
    }

    public boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }

    /** The window in samples that shows values {@code lower} to {@code upper}. */
    public ValueWindow windowForValues(double lower, double upper) {
        double a = sample(lower);
        double b = sample(upper);
        return ValueWindow.between(Math.min(a, b), Math.max(a, b));
    }

    /** A value for people: whole numbers without decimals, others with up to three. */
    public String format(double sample) {
        double v = value(sample);
        String text = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return unit.isEmpty() ? text : text + " " + unit;
    }
}
