package org.lunglens.measure;

import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueScale;

/**
 * Statistics of the pixels inside a rectangle or an ellipse, in the image's own values: a gray image's samples
 * through its {@link ValueScale} (a DICOM's rescale, as the status bar's readout shows them), a colour image's
 * luminance. A pixel counts when its centre lies inside the shape (on the edge included).
 *
 * @param count pixels inside
 * @param sd    the sample standard deviation (n - 1), as ImageJ and most viewers give it; 0 for one pixel
 */
public record RoiStatistics(int count, double mean, double sd, double min, double max) {
    /** Over the axis-aligned box with corners {@code a} and {@code b}, or the ellipse inscribed in it. */
    public static RoiStatistics of(PixelData image, ValueScale scale, boolean ellipse, Point a, Point b) {
        double x0 = Math.min(a.x(), b.x());
        double x1 = Math.max(a.x(), b.x());
        double y0 = Math.min(a.y(), b.y());
        double y1 = Math.max(a.y(), b.y());
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double rx = (x1 - x0) / 2;
        double ry = (y1 - y0) / 2;
        int i0 = Math.max(0, (int) Math.floor(x0 - 0.5));
        int i1 = Math.min(image.width() - 1, (int) Math.ceil(x1 - 0.5));
        int j0 = Math.max(0, (int) Math.floor(y0 - 0.5));
        int j1 = Math.min(image.height() - 1, (int) Math.ceil(y1 - 0.5));
        int n = 0;
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = j0; j <= j1; j++) {
            double py = j + 0.5;
            for (int i = i0; i <= i1; i++) {
                double px = i + 0.5;
                if (!inside(ellipse, px, py, x0, x1, y0, y1, cx, cy, rx, ry)) {
                    continue;
                }
                double v = image.luminance(j * image.width() + i);
                n++;
                // Welford: stable for 16-bit values over large regions
                double delta = v - mean;
                mean += delta / n;
                m2 += delta * (v - mean);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new RoiStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        ValueScale s = image.isGray() ? scale : ValueScale.IDENTITY;
        double lo = s.value(min);
        double hi = s.value(max);
        return new RoiStatistics(n, s.value(mean), Math.abs(s.slope()) * sd, Math.min(lo, hi), Math.max(lo, hi));
    }

    private static boolean inside(boolean ellipse, double px, double py, double x0, double x1, double y0, double y1,
                                  double cx, double cy, double rx, double ry) {
        if (px < x0 || px > x1 || py < y0 || py > y1) {
            return false;
        }
        if (!ellipse) {
            return true;
        }
        if (rx <= 0 || ry <= 0) {
            return false;
        }
        double dx = (px - cx) / rx;
        double dy = (py - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }
}
