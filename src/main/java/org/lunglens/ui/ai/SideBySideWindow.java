package org.lunglens.ui.ai;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.ui.common.Styles;

/** Image | heatmap | overlay, side by side, upright and unzoomed, following the AI tab's choices. */
final class SideBySideWindow {
    private static final int SIDE = 380;

    private final Stage stage = new Stage();
    private final ImageView image = view("sideImage");
    private final ImageView heat = view("sideHeatmap");
    private final ImageView overlay = view("sideOverlay");
    private final Label caption = new Label();

    SideBySideWindow(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Image | Grad-CAM | overlay \u2014 not for clinical use");
        caption.setId("sideCaption");
        caption.getStyleClass().add("on-film");
        HBox panels = new HBox(10, panel(image, "Image (as windowed)"), panel(heat, "Grad-CAM heatmap"),
                panel(overlay, "Overlay"));
        VBox root = new VBox(8, panels, caption);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("side-by-side");
        stage.setScene(Styles.scene(root));
    }

    private static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(SIDE);
        v.setFitHeight(SIDE);
        v.setPreserveRatio(true);
        return v;
    }

    private static VBox panel(ImageView v, String title) {
        Label l = new Label(title);
        l.getStyleClass().add("on-film");
        VBox box = new VBox(4, v, l);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinSize(SIDE, SIDE + 20);
        return box;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    /** Redraws the three panels from the viewer's rendered image; the heatmap ones stay blank without one. */
    void update(Image rendered, Analysis a, OverlayStyle style) {
        if (rendered == null) {
            image.setImage(null);
            heat.setImage(null);
            overlay.setImage(null);
            caption.setText("No image.");
            return;
        }
        BufferedImage base = shrink(SwingFXUtils.fromFXImage(rendered, null));
        image.setImage(SwingFXUtils.toFXImage(base, null));
        if (a == null || a.heatmap() == null) {
            heat.setImage(null);
            overlay.setImage(null);
            caption.setText(a == null ? "No analysis yet." : "This model has no convolutional layer: no Grad-CAM.");
            return;
        }
        heat.setImage(SwingFXUtils.toFXImage(HeatmapRenderer.heatmapImage(a.heatmap(), base.getWidth(),
                base.getHeight(), style), null));
        overlay.setImage(SwingFXUtils.toFXImage(HeatmapRenderer.overlay(base, a.heatmap(), style), null));
        caption.setText(org.lunglens.gradcam.Captions.heatmap(a) + "; threshold "
                + String.format(java.util.Locale.ROOT, "%.2f", style.threshold()) + ", " + style.colorMap().displayName());
    }

    private static BufferedImage shrink(BufferedImage img) {
        double s = Math.min(1, SIDE / (double) Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * s));
        int h = Math.max(1, (int) Math.round(img.getHeight() * s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
