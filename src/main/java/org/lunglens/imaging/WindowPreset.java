package org.lunglens.imaging;

/**
 * Standard windows. A radiograph's values are not calibrated like CT Hounsfield units, so "lung" and
 * "bone" are defined by where their tones fall in this image's own histogram: aerated lung is the dark
 * part of a chest film, bone and mediastinum the bright part.
 */
public enum WindowPreset {
    /** Every value that occurs, from the darkest to the brightest pixel. */
    FULL("Full range"),
    /** 0.5th to 99.5th percentile: ignores a few saturated or collimated pixels. */
    AUTO("Auto"),
    /** 1st to 70th percentile: spreads the dark tones of the lung fields, lets bone saturate. */
    LUNG("Lung"),
    /** 35th to 99.9th percentile: spreads the bright tones of bone and mediastinum. */
    BONE("Bone");

    private final String label;

    WindowPreset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public ValueWindow window(Histogram h) {
        return switch (this) {
            case FULL -> ValueWindow.between(h.min(), h.max());
            case AUTO -> ValueWindow.between(h.percentile(0.5), h.percentile(99.5));
            case LUNG -> ValueWindow.between(h.percentile(1), h.percentile(70));
            case BONE -> ValueWindow.between(h.percentile(35), h.percentile(99.9));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
