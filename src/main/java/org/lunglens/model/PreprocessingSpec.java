package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How an image becomes a model input; stored in every model file so a model always gets the input it
 * was trained on.
 *
 * @param size          the model's square input side in pixels
 * @param interpolation "area" (area average when shrinking, bilinear when enlarging)
 * @param normalisation "unit": luminance divided by the bit depth's full scale (255 or 65535), giving [0, 1];
 *                      "equalized": the same, then global histogram equalisation of the resized input
 *                      ({@link HistogramEqualisation}), so any increasing grey-value mapping gives one input;
 *                      "clahe": the same, then contrast-limited adaptive equalisation ({@link LocalEqualisation})
 * @param border        share of each side of the input hidden from the model ({@link BorderMask}; 0 = none):
 *                      the band is set to 0 and left out of the equalisation's histogram. Left out of the model
 *                      file when 0, so files without it read as before, and an older LungLens refuses a masked
 *                      model instead of running it unmasked
 */
public record PreprocessingSpec(int size, String interpolation, String normalisation,
                                @JsonInclude(JsonInclude.Include.NON_DEFAULT) double border) {
    public static final String AREA = "area";
    public static final String UNIT = "unit";
    public static final String EQUALIZED = "equalized";
    public static final String CLAHE = "clahe";
    /** A quarter of each side would leave half the film: beyond that a mask hides the lungs, not the labels. */
    public static final double MAX_BORDER = 0.25;

    public PreprocessingSpec {
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("Model input size must be 8..1024 px, not " + size);
        }
        if (!AREA.equals(interpolation)) {
            throw new IllegalArgumentException("Unknown interpolation '" + interpolation + "'");
        }
        if (!UNIT.equals(normalisation) && !EQUALIZED.equals(normalisation) && !CLAHE.equals(normalisation)) {
            throw new IllegalArgumentException("Unknown normalisation '" + normalisation + "'");
        }
        checkBorder(border);
    }

    public PreprocessingSpec(int size, String interpolation, String normalisation) {
        this(size, interpolation, normalisation, 0);
    }

    public static PreprocessingSpec ofSize(int size) {
        return new PreprocessingSpec(size, AREA, UNIT);
    }

    public static PreprocessingSpec of(int size, String normalisation) {
        return new PreprocessingSpec(size, AREA, normalisation);
    }

    public static PreprocessingSpec of(int size, String normalisation, double border) {
        return new PreprocessingSpec(size, AREA, normalisation, border);
    }

    /** Refuses a border share outside 0..{@link #MAX_BORDER}, with the reason. */
    public static void checkBorder(double border) {
        if (!(border >= 0 && border <= MAX_BORDER)) {
            throw new IllegalArgumentException("The border mask must be 0.." + MAX_BORDER
                    + " of each side (0 = none), not " + border);
        }
    }

    public boolean equalized() {
        return EQUALIZED.equals(normalisation);
    }

    public boolean locallyEqualized() {
        return CLAHE.equals(normalisation);
    }

    /** Width of the hidden band in input pixels. */
    public int borderPixels() {
        return (int) Math.round(border * size);
    }

    public String describe() {
        return "grayscale (BT.601 luma), " + size + "x" + size + " px (area average / bilinear), "
                + "values / full scale of the bit depth -> [0, 1]"
                + (equalized() ? ", then global histogram equalisation" : "")
                + (locallyEqualized() ? ", then contrast-limited adaptive histogram equalisation (CLAHE, "
                        + LocalEqualisation.TILES + "x" + LocalEqualisation.TILES + " tiles, clip limit "
                        + LocalEqualisation.CLIP_LIMIT + ")" : "")
                + (borderPixels() > 0 ? (equalized() ? " of the central part" : "") + ", the outer "
                        + borderPixels() + " px of each side (" + Math.round(border * 100)
                        + "%) set to 0: labels, markers and collimation edges hidden" : "");
    }
}
