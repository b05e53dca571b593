package org.lunglens.ui.ai;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.lunglens.gradcam.Heatmap;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.OverlayStyle;

/**
 * The Grad-CAM heatmap as a node in the viewer's image layer: it spans exactly the image's pixel rectangle,
 * so the viewer's own transform keeps it aligned through zoom, pan, rotation and flips. Opacity is the
 * node's (a slider drag redraws nothing); colour map and threshold redraw it.
 */
final class HeatmapOverlay extends ImageView {
    /** The heat is smooth at the layer's coarse grid: a bounded raster, stretched to the image, loses nothing. */
    private static final int MAX_SIDE = 512;

    HeatmapOverlay() {
        setId("gradCamOverlay");
        setMouseTransparent(true);
        setSmooth(true);
        setPreserveRatio(false);
        setManaged(false);
    }

    /** Draws {@code map} over an image of {@code imageWidth x imageHeight} pixels; null clears it. */
    void show(Heatmap map, int imageWidth, int imageHeight, OverlayStyle style) {
        if (map == null) {
            setImage(null);
            return;
        }
        double s = Math.min(1, MAX_SIDE / (double) Math.max(imageWidth, imageHeight));
        int w = Math.max(1, (int) Math.round(imageWidth * s));
        int h = Math.max(1, (int) Math.round(imageHeight * s));
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(),
                HeatmapRenderer.colours(map, w, h, style), 0, w);
        setImage(img);
        setX(0);
        setY(0);
        setFitWidth(imageWidth);
        setFitHeight(imageHeight);
        setOpacity(style.opacity());
    }
}
