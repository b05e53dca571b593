package org.lunglens.ui.viewer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.ChannelViews;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelReadout;
import org.lunglens.ui.common.BackgroundWork;

/**
 * The channel views side by side, each a viewport on the shared model, so all zoom, pan, rotate and
 * invert together. A gray image shows one gray cell and says its channels are identical instead of
 * showing three copies.
 */
public final class ChannelGrid extends VBox {
    private static final List<ChannelView> DERIVED = List.of(ChannelView.CLAHE, ChannelView.UNSHARP, ChannelView.EDGES);
    private final ViewerModel model;
    private final BackgroundWork work;
    private final ChannelCache cache;
    private final Consumer<String> readout;
    private final Label note = new Label();
    private final GridPane grid = new GridPane();
    /** The cells on screen now, for the image shown. */
    private final Map<ChannelView, ImageViewer> cells = new EnumMap<>(ChannelView.class);
    /**
     * One viewer per view for the life of the grid: a viewer listens to the shared viewer model, so one made per
     * image would stay reachable from it and keep its pixels (a 500-film session grew by 4 viewers a film).
     */
    private final Map<ChannelView, ImageViewer> viewers = new EnumMap<>(ChannelView.class);

    public ChannelGrid(ViewerModel model, BackgroundWork work, ChannelCache cache, Consumer<String> readout) {
        super(4);
        this.model = model;
        this.work = work;
        this.cache = cache;
        this.readout = readout;
        setId("channelGrid");
        getStyleClass().add("channel-grid");
        setPadding(new Insets(4));
        note.setId("channelNote");
        note.getStyleClass().add("channel-grid-note");
        grid.setHgap(4);
        grid.setVgap(4);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(note, grid);
        model.imageProperty().addListener((o, old, img) -> rebuild(img));
        visibleProperty().addListener((o, was, now) -> fill());
    }

    /** The cell showing {@code view}; null when the grid does not show it (R, G, B of a gray image). */
    public ImageViewer cell(ChannelView view) {
        return cells.get(view);
    }

    public Label note() {
        return note;
    }

    private void rebuild(LoadedImage img) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        cells.clear();
        if (img == null) {
            note.setText("");
            return;
        }
        boolean identical = ChannelViews.channelsIdentical(img.pixels());
        note.setText(identical ? "Grayscale image: R, G and B channels are identical, shown once as gray."
                : "Colour image: R, G, B and luminance differ; derived views use the luminance.");
        List<ChannelView> views = identical
                ? concat(List.of(ChannelView.LUMINANCE), DERIVED)
                : concat(List.of(ChannelView.RED, ChannelView.GREEN, ChannelView.BLUE, ChannelView.LUMINANCE), DERIVED);
        int columns = identical ? 2 : 4;
        int rows = (views.size() + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < views.size(); i++) {
            ChannelView v = views.get(i);
            grid.add(cell(v, identical && v == ChannelView.LUMINANCE ? "Gray (R = G = B)" : v.label()),
                    i % columns, i / columns);
        }
        fill();
    }

    private BorderPane cell(ChannelView view, String title) {
        ImageViewer viewer = viewers.computeIfAbsent(view, this::newViewer);
        viewer.setSource(null, null);
        viewer.setMessage("Computing ...");
        cells.put(view, viewer);
        Label label = new Label(title);
        label.getStyleClass().add("channel-grid-label");
        BorderPane pane = new BorderPane(viewer);
        pane.setTop(label);
        return pane;
    }

    private ImageViewer newViewer(ChannelView view) {
        ImageViewer viewer = new ImageViewer(model, work);
        viewer.setId("channel-" + view.name());
        viewer.setMinSize(20, 20);
        viewer.setPrefSize(100, 100);
        viewer.hoveredPixelProperty().addListener((o, old, p) -> {
            LoadedImage img = model.image();
            if (p != null && img != null && viewer.source() != null) {
                readout.accept(PixelReadout.describe(img.pixels(), img.valueScale(), viewer.source(), view, p[0],
                        p[1]));
            }
        });
        return viewer;
    }

    /** Computes the views only once the grid is on screen: most images are read without it. */
    private void fill() {
        if (!isVisible() || cells.isEmpty()) {
            return;
        }
        LoadedImage forImage = model.image();
        if (forImage == null) {
            return;
        }
        cache.request(forImage.pixels(), views -> {
            if (model.image() != forImage) {
                return;
            }
            cells.forEach((view, viewer) -> {
                ChannelImage ci = views.get(view);
                viewer.setMessage("");
                viewer.setSource(ci.pixels(), ci.ownWindow());
            });
        });
    }

    private static List<ChannelView> concat(List<ChannelView> a, List<ChannelView> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
