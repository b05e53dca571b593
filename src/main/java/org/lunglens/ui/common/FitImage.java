package org.lunglens.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * An image scaled to fit this region, centred, with an optional rectangle drawn in normalised image
 * coordinates (0..1 across and down) for regions marked on it.
 */
public final class FitImage extends Region {
    private final ImageView view = new ImageView();
    private final Rectangle mark = new Rectangle();
    private double[] region;

    public FitImage() {
        view.setPreserveRatio(true);
        view.setSmooth(true);
        mark.setFill(Color.color(0, 0.8, 1, 0.18));
        mark.setStroke(Color.CYAN);
        mark.setStrokeWidth(2);
        mark.setMouseTransparent(true);
        mark.setVisible(false);
        mark.setManaged(false);
        getChildren().addAll(view, mark);
        setMinSize(80, 80);
        setPrefSize(420, 420);
    }

    public void setImage(Image image) {
        view.setImage(image);
        requestLayout();
    }

    Image image() {
        return view.getImage();
    }

    /** Draws the region {x0, y0, x1, y1} in normalised coordinates; null hides it. */
    public void mark(double[] normalised) {
        region = normalised;
        mark.setVisible(normalised != null);
        requestLayout();
    }

    /** Normalised image coordinates of a point in this region's coordinates (may lie outside 0..1). */
    public double[] toImage(double x, double y) {
        Bounds b = view.getBoundsInParent();
        return new double[] {(x - b.getMinX()) / b.getWidth(), (y - b.getMinY()) / b.getHeight()};
    }

    @Override
    protected void layoutChildren() {
        Image img = view.getImage();
        if (img == null) {
            return;
        }
        double s = Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
        double w = img.getWidth() * s;
        double h = img.getHeight() * s;
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.relocate((getWidth() - w) / 2, (getHeight() - h) / 2);
        if (region != null) {
            double x0 = (getWidth() - w) / 2;
            double y0 = (getHeight() - h) / 2;
            mark.setX(x0 + region[0] * w);
            mark.setY(y0 + region[1] * h);
            mark.setWidth((region[2] - region[0]) * w);
            mark.setHeight((region[3] - region[1]) * h);
        }
    }
}
