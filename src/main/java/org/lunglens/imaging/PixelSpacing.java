package org.lunglens.imaging;

/**
 * The physical size of one pixel, for measurements.
 *
 * @param rowMm    distance between the centres of adjacent rows, in mm (the vertical size)
 * @param columnMm distance between the centres of adjacent columns, in mm (the horizontal size)
 * @param source   which attribute said so: "Pixel Spacing" (in the patient) or "Imager Pixel Spacing" (at the
 *                 detector: larger than the patient by the geometric magnification, about 10% on a chest film)
 */
public record PixelSpacing(double rowMm, double columnMm, String source) {
    public PixelSpacing {
        if (!(rowMm > 0 && columnMm > 0 && Double.isFinite(rowMm) && Double.isFinite(columnMm))) {
            throw new IllegalArgumentException("Pixel spacing must be positive: " + rowMm + " x " + columnMm);
        }
    }

    /** True when measured at the detector rather than calibrated to the patient. */
    public boolean atDetector() {
        return source.startsWith("Imager");
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4g x %.4g mm (%s)", rowMm, columnMm, source);
    }
}
