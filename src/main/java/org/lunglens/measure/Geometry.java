package org.lunglens.measure;

import java.util.Optional;
import org.lunglens.imaging.PixelSpacing;

/** Lengths, areas and angles in image pixels, and in mm where the pixel spacing is known (rows and columns apart). */
public final class Geometry {
    private Geometry() {
    }

    public static double lengthPx(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    /** The length in mm: columns (x) by the column spacing, rows (y) by the row spacing. */
    public static double lengthMm(Point a, Point b, PixelSpacing spacing) {
        return Math.hypot((b.x() - a.x()) * spacing.columnMm(), (b.y() - a.y()) * spacing.rowMm());
    }

    /** In mm where {@code spacing} is known, else in pixels. */
    public static double length(Point a, Point b, Optional<PixelSpacing> spacing) {
        return spacing.map(s -> lengthMm(a, b, s)).orElseGet(() -> lengthPx(a, b));
    }

    /**
     * The angle at {@code vertex} between the arms to {@code a} and {@code c}, 0 to 180 degrees, measured in the
     * patient (mm) where the spacing is known: non-square pixels would otherwise bend it. 0 when an arm has no length.
     */
    public static double angleDegrees(Point a, Point vertex, Point c, Optional<PixelSpacing> spacing) {
        double sx = spacing.map(PixelSpacing::columnMm).orElse(1.0);
        double sy = spacing.map(PixelSpacing::rowMm).orElse(1.0);
        double ux = (a.x() - vertex.x()) * sx;
        double uy = (a.y() - vertex.y()) * sy;
        double vx = (c.x() - vertex.x()) * sx;
        double vy = (c.y() - vertex.y()) * sy;
        if (Math.hypot(ux, uy) == 0 || Math.hypot(vx, vy) == 0) {
            return 0;
        }
        return Math.toDegrees(Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)));
    }

    /** The box's area in mm² where the spacing is known, else in pixels; an ellipse's is pi/4 of it. */
    public static double area(Point a, Point b, boolean ellipse, Optional<PixelSpacing> spacing) {
        double w = Math.abs(b.x() - a.x()) * spacing.map(PixelSpacing::columnMm).orElse(1.0);
        double h = Math.abs(b.y() - a.y()) * spacing.map(PixelSpacing::rowMm).orElse(1.0);
        return ellipse ? Math.PI / 4 * w * h : w * h;
    }

    /**
     * The cardiothoracic ratio: the heart's widest width over the chest's widest inner width (each drawn as a line;
     * their lengths, so a slightly tilted line still counts whole). NaN when the thoracic width is 0.
     */
    public static double cardiothoracicRatio(Measurement ctr, Optional<PixelSpacing> spacing) {
        double cardiac = length(ctr.point(0), ctr.point(1), spacing);
        double thoracic = length(ctr.point(2), ctr.point(3), spacing);
        return thoracic == 0 ? Double.NaN : cardiac / thoracic;
    }
}
