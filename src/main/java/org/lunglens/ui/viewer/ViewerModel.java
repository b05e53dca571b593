package org.lunglens.ui.viewer;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.imaging.WindowPreset;

/**
 * The viewer's state: image, display settings, zoom and pan, channel choice. Plain JavaFX properties,
 * usable and testable without a running toolkit. Zoom is relative to "fit" and pan is the image point
 * at the viewport centre, so every viewport (main view, channel grid cells) shows the same field of view.
 */
public final class ViewerModel {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 400;
    /** ValueWindow change per dragged screen pixel, as a share of the image's value range. */
    private static final double WINDOW_DRAG_SHARE = 1.0 / 400;

    private final ReadOnlyObjectWrapper<LoadedImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open an image: Ctrl+O, or drop files here");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<DisplaySettings> settings =
            new SimpleObjectProperty<>(DisplaySettings.of(ValueWindow.between(0, 255)));
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty centerX = new SimpleDoubleProperty();
    private final DoubleProperty centerY = new SimpleDoubleProperty();
    /** The view shown in the main viewport; null shows the image as stored. */
    private final ObjectProperty<ChannelView> channel = new SimpleObjectProperty<>();
    private final BooleanProperty gridMode = new SimpleBooleanProperty();

    public void startLoading(Path path) {
        file.set(path);
        message.set("Opening " + path.getFileName() + " ...");
        state.set(LoadState.LOADING);
    }

    public void show(LoadedImage loaded, Histogram h) {
        histogram.set(h);
        image.set(loaded);
        file.set(loaded.source());
        channel.set(null);
        reset();
        message.set("");
        state.set(LoadState.LOADED);
    }

    public void fail(Path path, String why) {
        image.set(null);
        histogram.set(null);
        file.set(path);
        message.set("Could not open " + path.getFileName() + "\n\n" + why);
        state.set(LoadState.FAILED);
    }

    /** The file's own window (a DICOM's Window Center/Width or VOI LUT) else the auto window; upright, all in view. */
    public void reset() {
        LoadedImage img = image.get();
        if (img == null) {
            return;
        }
        ValueWindow window = img.initialWindow().orElseGet(() -> WindowPreset.AUTO.window(histogram.get()));
        settings.set(DisplaySettings.of(window));
        zoom.set(1);
        centerX.set(img.pixels().width() / 2.0);
        centerY.set(img.pixels().height() / 2.0);
    }

    public void fit() {
        LoadedImage img = image.get();
        zoom.set(1);
        if (img != null) {
            centerX.set(img.pixels().width() / 2.0);
            centerY.set(img.pixels().height() / 2.0);
        }
    }

    /** One image pixel per screen pixel in a viewport whose fit scale is {@code fitScale}. */
    public void actualSize(double fitScale) {
        setZoom(1 / fitScale);
    }

    public void zoomBy(double factor) {
        setZoom(zoom.get() * factor);
    }

    /** Zooms while keeping the image point under screen point (sx, sy) of viewport {@code t} in place. */
    public void zoomAt(double factor, ViewTransform t, double sx, double sy) {
        double[] p = t.screenToImage(sx, sy);
        double before = zoom.get();
        setZoom(before * factor);
        double newScale = t.scale() * zoom.get() / before;
        ViewTransform after = new ViewTransform(newScale, p[0], p[1], t.rotation(), t.flipHorizontal(),
                t.flipVertical(), t.viewWidth(), t.viewHeight());
        double[] offset = after.screenDeltaToImage(sx - t.viewWidth() / 2, sy - t.viewHeight() / 2);
        centerX.set(p[0] - offset[0]);
        centerY.set(p[1] - offset[1]);
    }

    /** Moves the image with the pointer: content follows a drag of (dx, dy) screen pixels. */
    public void panByScreen(double dx, double dy, ViewTransform t) {
        double[] d = t.screenDeltaToImage(dx, dy);
        centerX.set(centerX.get() - d[0]);
        centerY.set(centerY.get() - d[1]);
    }

    /** Right-drag: right widens the window (less contrast), down raises the level (darker). */
    public void adjustWindow(double dx, double dy) {
        double step = valueRange() * WINDOW_DRAG_SHARE;
        DisplaySettings s = settings.get();
        setWindow(new ValueWindow(s.windowCenter() + dy * step, s.windowWidth() + dx * step));
    }

    public void setWindow(ValueWindow w) {
        settings.set(settings.get().withWindow(w));
    }

    public void applyPreset(WindowPreset preset) {
        if (histogram.get() != null) {
            setWindow(preset.window(histogram.get()));
        }
    }

    public void toggleInvert() {
        settings.set(settings.get().withInvert(!settings.get().invert()));
    }

    public void rotate(int quarterTurns) {
        settings.set(settings.get().rotated(quarterTurns));
    }

    public void flipHorizontally() {
        settings.set(settings.get().flippedHorizontally());
    }

    public void flipVertically() {
        settings.set(settings.get().flippedVertically());
    }

    private void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    private double valueRange() {
        Histogram h = histogram.get();
        return h == null ? 255 : Math.max(h.max() - h.min(), 16);
    }

    public ReadOnlyObjectProperty<LoadedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public LoadedImage image() {
        return image.get();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObjectProperty<DisplaySettings> settingsProperty() {
        return settings;
    }

    public DisplaySettings settings() {
        return settings.get();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty centerXProperty() {
        return centerX;
    }

    public DoubleProperty centerYProperty() {
        return centerY;
    }

    public ObjectProperty<ChannelView> channelProperty() {
        return channel;
    }

    public BooleanProperty gridModeProperty() {
        return gridMode;
    }
}
