package org.lunglens.ui.viewer;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.ui.common.BackgroundWork;

/**
 * One viewport onto the shared {@link ViewerModel}: shows a one- or three-band image through the model's
 * zoom, pan, rotation and flips; wheel zooms at the pointer, left-drag pans, right-drag sets the window.
 * Nodes added with {@link #addImageOverlay} live in image pixel coordinates and follow the image exactly.
 */
public final class ImageViewer extends Region {
    private static final double WHEEL_STEP = 1.2;

    private final ViewerModel model;
    private final ImageView imageView = new ImageView();
    private final Group imageLayer = new Group(imageView);
    private final Affine affine = new Affine();
    private final Label message = new Label();
    private final RenderQueue renderer;
    private final ReadOnlyObjectWrapper<ViewTransform> transform = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> hoveredPixel = new ReadOnlyObjectWrapper<>();
    private PixelData pixels;
    private ValueWindow ownWindow;
    private double lastX;
    private double lastY;

    public ImageViewer(ViewerModel model, BackgroundWork work) {
        this.model = model;
        // A frame of a source replaced meanwhile (another film, or none) is dropped
        this.renderer = new RenderQueue(work.renderExecutor(), (source, frame) -> {
            if (source == pixels) {
                imageView.setImage(frame);
            }
        });
        getStyleClass().add("image-viewer");
        setMinSize(50, 50);
        imageLayer.getTransforms().add(affine);
        imageLayer.setManaged(false);
        message.setWrapText(true);
        message.setAlignment(Pos.CENTER);
        message.getStyleClass().add("viewer-message");
        message.setManaged(false);
        getChildren().addAll(imageLayer, message);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        Observable[] deps = {widthProperty(), heightProperty(), model.zoomProperty(), model.centerXProperty(),
            model.centerYProperty(), model.settingsProperty()};
        for (Observable o : deps) {
            o.addListener(x -> updateTransform());
        }
        model.settingsProperty().addListener((obs, old, now) -> requestRender());
        installMouse();
    }

    /**
     * Shows {@code data}; with {@code fixedWindow} set the view keeps that window (a derived view on its
     * own scale) and takes only inversion from the model.
     */
    public void setSource(PixelData data, ValueWindow fixedWindow) {
        this.pixels = data;
        this.ownWindow = fixedWindow;
        if (data == null) {
            imageView.setImage(null);
        } else {
            requestRender();
        }
        updateTransform();
    }

    public PixelData source() {
        return pixels;
    }

    public void setMessage(String text) {
        message.setText(text);
        message.setVisible(text != null && !text.isEmpty());
    }

    public Label messageLabel() {
        return message;
    }

    /** Adds a node drawn in image pixel coordinates (e.g. a heatmap ImageView the image's size). */
    public void addImageOverlay(Node overlay) {
        imageLayer.getChildren().add(overlay);
    }

    /**
     * Adds a node drawn in this viewport's own (screen) coordinates, above the image and its overlays: text that
     * must stay upright and the same size whatever the zoom and orientation (measurement labels). It is part of the
     * viewer's snapshot, so exports show it.
     */
    public void addScreenOverlay(Node overlay) {
        getChildren().add(getChildren().indexOf(message), overlay);
    }

    public void removeImageOverlay(Node overlay) {
        imageLayer.getChildren().remove(overlay);
    }

    /** The current image-to-screen map of this viewport; null while no image is shown. */
    public ReadOnlyObjectProperty<ViewTransform> transformProperty() {
        return transform.getReadOnlyProperty();
    }

    /** Image pixel {x, y} under the pointer, or null. */
    public ReadOnlyObjectProperty<int[]> hoveredPixelProperty() {
        return hoveredPixel.getReadOnlyProperty();
    }

    public ImageView imageView() {
        return imageView;
    }

    /** Scale at which the whole image fits this viewport. */
    public double fitScale() {
        if (pixels == null) {
            return 1;
        }
        return ViewTransform.fitScale(pixels.width(), pixels.height(), model.settings().rotation(), getWidth(),
                getHeight());
    }

    private void requestRender() {
        if (pixels == null) {
            return;
        }
        DisplaySettings s = model.settings();
        if (ownWindow != null) {
            s = DisplaySettings.of(ownWindow).withInvert(s.invert());
        }
        renderer.request(pixels, s);
    }

    private void updateTransform() {
        message.resizeRelocate(20, 20, Math.max(0, getWidth() - 40), Math.max(0, getHeight() - 40));
        if (pixels == null) {
            transform.set(null);
            return;
        }
        DisplaySettings s = model.settings();
        double scale = fitScale() * model.zoomProperty().get();
        ViewTransform t = new ViewTransform(scale, model.centerXProperty().get(), model.centerYProperty().get(),
                s.rotation(), s.flipHorizontal(), s.flipVertical(), getWidth(), getHeight());
        double[] m = t.matrix();
        affine.setToTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
        // Smooth when shrinking; show individual pixels when magnified, as radiology viewers do.
        imageView.setSmooth(scale < 2);
        transform.set(t);
    }

    private void installMouse() {
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (transform.get() != null && e.getDeltaY() != 0) {
                model.zoomAt(e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP, transform.get(), e.getX(), e.getY());
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.fit();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getX() - lastX;
            double dy = e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            if (transform.get() == null) {
                return;
            }
            if (e.isSecondaryButtonDown()) {
                setCursor(Cursor.CROSSHAIR);
                model.adjustWindow(dx, dy);
            } else if (e.isPrimaryButtonDown()) {
                setCursor(Cursor.MOVE);
                model.panByScreen(dx, dy, transform.get());
            }
            updateHover(e);
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_MOVED, this::updateHover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredPixel.set(null));
    }

    private void updateHover(MouseEvent e) {
        ViewTransform t = transform.get();
        if (t == null || pixels == null) {
            hoveredPixel.set(null);
            return;
        }
        double[] p = t.screenToImage(e.getX(), e.getY());
        int x = (int) Math.floor(p[0]);
        int y = (int) Math.floor(p[1]);
        boolean inside = x >= 0 && y >= 0 && x < pixels.width() && y < pixels.height();
        hoveredPixel.set(inside ? new int[] {x, y} : null);
    }
}
