package org.lunglens.measure;

/** A point in image coordinates: pixel (i, j) covers [i, i+1) x [j, j+1), so its centre is (i + 0.5, j + 0.5). */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("A point needs finite coordinates: " + x + ", " + y);
        }
    }
}
