package org.lunglens.model;

/**
 * How an image becomes a model input; stored in every model file so a model always gets the input it
 * was trained on.
 *
 * @param size          the model's square input side in pixels
 * @param interpolation "area" (area average when shrinking, bilinear when enlarging)
 * @param normalisation "unit": luminance divided by the bit depth's full scale (255 or 65535), giving [0, 1];
 *                      "equalized": the same, then global histogram equalisation of the resized input
 *                      ({@link HistogramEqualisation}), so any increasing grey-value mapping gives one input
 */
public record PreprocessingSpec(int size, String interpolation, String normalisation) {
    public static final String AREA = "area";
    public static final String UNIT = "unit";
    public static final String EQUALIZED = "equalized";

    public PreprocessingSpec {
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("Model input size must be 8..1024 px, not " + size);
        }
        if (!AREA.equals(interpolation)) {
            throw new IllegalArgumentException("Unknown interpolation '" + interpolation + "'");
        }
        if (!UNIT.equals(normalisation) && !EQUALIZED.equals(normalisation)) {
            throw new IllegalArgumentException("Unknown normalisation '" + normalisation + "'");
        }
    }

    public static PreprocessingSpec ofSize(int size) {
        return new PreprocessingSpec(size, AREA, UNIT);
    }

    public static PreprocessingSpec of(int size, String normalisation) {
        return new PreprocessingSpec(size, AREA, normalisation);
    }

    public boolean equalized() {
        return EQUALIZED.equals(normalisation);
    }

    public String describe() {
        return "grayscale (BT.601 luma), " + size + "x" + size + " px (area average / bilinear), "
                + "values / full scale of the bit depth -> [0, 1]"
                + (equalized() ? ", then global histogram equalisation" : "");
    }
}
