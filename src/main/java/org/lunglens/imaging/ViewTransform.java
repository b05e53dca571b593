package org.lunglens.imaging;

/**
 * The affine map from image coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)) to a viewport's screen
 * coordinates: {@code screen = viewport centre + scale * F * R * (image - centre)}, with R a clockwise
 * quarter-turn rotation and F the on-screen flips. Pure math, no toolkit: overlays (a heatmap) use the
 * same numbers as the image to stay aligned.
 *
 * @param scale    screen pixels per image pixel
 * @param centerX  image x shown at the viewport's centre
 * @param centerY  image y shown at the viewport's centre
 * @param rotation clockwise degrees, a multiple of 90
 */
public record ViewTransform(double scale, double centerX, double centerY, int rotation, boolean flipHorizontal,
        boolean flipVertical, double viewWidth, double viewHeight) {

    /** Scale at which an image of this size, so rotated, fits the viewport whole. */
    public static double fitScale(int imageWidth, int imageHeight, int rotation, double viewWidth,
            double viewHeight) {
        boolean swapped = rotation % 180 != 0;
        double w = swapped ? imageHeight : imageWidth;
        double h = swapped ? imageWidth : imageHeight;
        if (viewWidth <= 0 || viewHeight <= 0) {
            return 1;
        }
        return Math.min(viewWidth / w, viewHeight / h);
    }

    /** The orthonormal part F*R as {m00, m01, m10, m11}. */
    private double[] orientation() {
        int quarter = Math.floorMod(rotation, 360) / 90;
        int cos = new int[] {1, 0, -1, 0}[quarter];
        int sin = new int[] {0, 1, 0, -1}[quarter];
        double fx = flipHorizontal ? -1 : 1;
        double fy = flipVertical ? -1 : 1;
        return new double[] {fx * cos, -fx * sin, fy * sin, fy * cos};
    }

    /** {mxx, mxy, tx, myx, myy, ty}: the 2-D affine matrix, in the order JavaFX's {@code Affine} takes. */
    public double[] matrix() {
        double[] m = orientation();
        double mxx = scale * m[0];
        double mxy = scale * m[1];
        double myx = scale * m[2];
        double myy = scale * m[3];
        double tx = viewWidth / 2 - (mxx * centerX + mxy * centerY);
        double ty = viewHeight / 2 - (myx * centerX + myy * centerY);
        return new double[] {mxx, mxy, tx, myx, myy, ty};
    }

    public double[] imageToScreen(double x, double y) {
        double[] a = matrix();
        return new double[] {a[0] * x + a[1] * y + a[2], a[3] * x + a[4] * y + a[5]};
    }

    public double[] screenToImage(double sx, double sy) {
        double[] m = orientation();
        double dx = (sx - viewWidth / 2) / scale;
        double dy = (sy - viewHeight / 2) / scale;
        // F*R is orthonormal: its inverse is its transpose
        return new double[] {centerX + m[0] * dx + m[2] * dy, centerY + m[1] * dx + m[3] * dy};
    }

    /** Image-space displacement that moves content by (dx, dy) screen pixels. */
    public double[] screenDeltaToImage(double dx, double dy) {
        double[] m = orientation();
        return new double[] {(m[0] * dx + m[2] * dy) / scale, (m[1] * dx + m[3] * dy) / scale};
    }
}
