package org.lunglens.ui.viewer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.measure.Measurement;
import org.lunglens.measure.MeasurementKind;
import org.lunglens.measure.MeasurementStore;
import org.lunglens.measure.MeasurementValues;
import org.lunglens.measure.Point;

/**
 * The viewer's measurement tools: while one is chosen the left drag draws with it instead of panning (Esc returns
 * to panning); measurements are kept per film through a {@link MeasurementStore}, can be selected (click) and
 * removed (Delete or the context menu), and the last adds and removals of the session undone (Ctrl+Z).
 * A ruler, rectangle, ellipse or arrow is one drag; an angle is a drag along its first arm to the vertex, then a
 * click at the end of the second; the cardiothoracic ratio is two drags, the heart's width then the chest's; text
 * is a click, typing and Enter.
 */
public final class MeasureTools {
    /** Drags shorter than this (screen pixels) are clicks, not measurements. */
    private static final double MIN_DRAG = 3;

    private record Edit(boolean added, Measurement measurement, int index) {
    }

    private final ViewerModel model;
    private final ImageViewer viewer;
    private final MeasurementLayer layer = new MeasurementLayer();
    private final ObjectProperty<MeasurementKind> tool = new SimpleObjectProperty<>();
    private final ObservableList<Measurement> items = FXCollections.observableArrayList();
    private final Map<String, List<String>> lines = new HashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final List<Point> pending = new ArrayList<>();
    private MeasurementStore store = MeasurementStore.NONE;
    private LoadedImage image;
    private String selected;
    private TextField textEntry;

    public MeasureTools(ViewerModel model, ImageViewer viewer) {
        this.model = model;
        this.viewer = viewer;
        viewer.addScreenOverlay(layer);
        viewer.transformProperty().addListener((o, old, t) -> redraw());
        items.addListener((javafx.collections.ListChangeListener<Measurement>) c -> redraw());
        tool.addListener((o, old, now) -> cancel(false));
        model.imageProperty().addListener((o, old, img) -> show(img));
        installMouse();
    }

    /** Where measurements are kept from now on; the open film's are read from it again. */
    public void setStore(MeasurementStore store) {
        this.store = store;
        reload();
    }

    /** Reads the open film's measurements from the store again (e.g. once the log has opened). */
    public void reload() {
        show(model.image());
    }

    /** The tool that takes the left drag, or null while the drag pans. */
    public ObjectProperty<MeasurementKind> toolProperty() {
        return tool;
    }

    /** The open film's measurements, oldest first. */
    public List<Measurement> measurements() {
        return List.copyOf(items);
    }

    /** What is written beside {@code m}. */
    public List<String> lines(Measurement m) {
        return lines.computeIfAbsent(m.uid(), uid -> image == null ? List.of() : MeasurementValues.lines(m, image));
    }

    public String selectedUid() {
        return selected;
    }

    public void select(String uid) {
        selected = uid;
        redraw();
    }

    /** Drops a drawing in progress and returns to panning. */
    public void cancel() {
        cancel(true);
    }

    /** Removes the selected measurement; false when none is selected. */
    public boolean removeSelected() {
        Measurement m = items.stream().filter(i -> i.uid().equals(selected)).findFirst().orElse(null);
        if (m == null) {
            return false;
        }
        remove(m);
        return true;
    }

    /** Undoes the last add or removal of this session on the open film; false when there is nothing to undo. */
    public boolean undo() {
        Edit e = undo.pollFirst();
        if (e == null) {
            return false;
        }
        if (e.added()) {
            items.remove(e.measurement());
            store.setRemoved(image, e.measurement(), true);
        } else {
            items.add(Math.min(e.index(), items.size()), e.measurement());
            store.setRemoved(image, e.measurement(), false);
        }
        return true;
    }

    /** The menu button for the viewer's tool bar. */
    public Node menu() {
        return new MeasureMenu(this);
    }

    private void remove(Measurement m) {
        int index = items.indexOf(m);
        items.remove(m);
        if (m.uid().equals(selected)) {
            selected = null;
        }
        undo.push(new Edit(false, m, index));
        store.setRemoved(image, m, true);
    }

    private void show(LoadedImage img) {
        cancel(false);
        image = img;
        items.clear();
        lines.clear();
        undo.clear();
        selected = null;
        if (img == null) {
            return;
        }
        store.load(img, found -> {
            if (model.image() == img) {
                items.setAll(found);
            }
        });
    }

    private void cancel(boolean toPan) {
        pending.clear();
        if (textEntry != null) {
            layer.getChildren().remove(textEntry);
            textEntry = null;
        }
        if (toPan) {
            tool.set(null);
        }
        redraw();
    }

    private void finish(String text) {
        Measurement m = Measurement.create(tool.get(), pending, text);
        pending.clear();
        List<String> value = lines(m);
        items.add(m);
        undo.push(new Edit(true, m, items.size() - 1));
        store.add(image, m, String.join("; ", value));
    }

    private void redraw() {
        Measurement preview = null;
        MeasurementKind k = tool.get();
        if (k != null && !pending.isEmpty()) {
            List<Point> pts = new ArrayList<>(pending);
            while (pts.size() < k.points()) {
                pts.add(pts.get(pts.size() - 1));
            }
            preview = new Measurement("preview", k, pts, "");
        }
        layer.draw(viewer.transformProperty().get(), items, preview, selected, this::lines);
    }

    private Measurement hit(double sceneX, double sceneY) {
        String uid = layer.hit(sceneX, sceneY);
        return items.stream().filter(m -> m.uid().equals(uid)).findFirst().orElse(null);
    }

    private void showMenu(ContextMenuEvent e) {
        Measurement m = tool.get() == null ? hit(e.getSceneX(), e.getSceneY()) : null;
        if (m == null) {
            return;
        }
        select(m.uid());
        MenuItem remove = new MenuItem("Remove " + m.kind().label().toLowerCase(java.util.Locale.ROOT));
        remove.setId("measureRemoveThis");
        remove.setOnAction(a -> remove(m));
        new ContextMenu(remove).show(viewer, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private Point imagePoint(MouseEvent e) {
        ViewTransform t = viewer.transformProperty().get();
        double[] p = t.screenToImage(e.getX(), e.getY());
        int w = image.pixels().width();
        int h = image.pixels().height();
        return new Point(Math.max(0, Math.min(w, p[0])), Math.max(0, Math.min(h, p[1])));
    }

    private boolean active(MouseEvent e) {
        return tool.get() != null && image != null && viewer.transformProperty().get() != null
                && (e.getButton() == MouseButton.PRIMARY || e.isPrimaryButtonDown()
                || e.getEventType() == MouseEvent.MOUSE_MOVED);
    }

    private void installMouse() {
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!active(e) || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            e.consume();
            viewer.requestFocus();
            press(imagePoint(e));
        });
        viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (active(e) && !pending.isEmpty()) {
                e.consume();
                pending.set(pending.size() - 1, imagePoint(e));
                redraw();
            }
        });
        viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (active(e) && e.getButton() == MouseButton.PRIMARY) {
                e.consume();
                release();
            }
        });
        viewer.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (active(e) && tool.get() == MeasurementKind.ANGLE && pending.size() == 3) {
                pending.set(2, imagePoint(e));
                redraw();
            }
        });
        viewer.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (active(e) && e.getButton() == MouseButton.PRIMARY) {
                e.consume();
            }
        });
        // Selection by hit-testing, not by picking: the layer's nodes are rebuilt as the view moves, and a node
        // taken away under a pressed button would take the rest of the drag with it
        viewer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (tool.get() == null && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                Measurement m = hit(e.getSceneX(), e.getSceneY());
                if (m != null || selected != null) {
                    select(m == null ? null : m.uid());
                }
            }
        });
        viewer.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::showMenu);
    }

    private void press(Point p) {
        MeasurementKind k = tool.get();
        if (k == MeasurementKind.TEXT) {
            startText(p);
        } else if (k == MeasurementKind.ANGLE && pending.size() == 3) {
            pending.set(2, p);
            finish("");
        } else if (k == MeasurementKind.CTR && pending.size() == 2) {
            pending.add(p);
            pending.add(p);
        } else {
            pending.clear();
            pending.add(p);
            pending.add(p);
        }
        redraw();
    }

    private void release() {
        MeasurementKind k = tool.get();
        if (pending.size() < 2 || k == MeasurementKind.TEXT) {
            return;
        }
        Point a = pending.get(pending.size() - 2);
        Point b = pending.get(pending.size() - 1);
        double screen = Math.hypot(b.x() - a.x(), b.y() - a.y()) * viewer.transformProperty().get().scale();
        if (screen < MIN_DRAG) {
            pending.subList(pending.size() - 2, pending.size()).clear();
        } else if (k == MeasurementKind.ANGLE && pending.size() == 2) {
            pending.add(b);
        } else if (pending.size() == k.points()) {
            finish("");
        }
        redraw();
    }

    private void startText(Point p) {
        cancel(false);
        double[] s = viewer.transformProperty().get().imageToScreen(p.x(), p.y());
        TextField field = new TextField();
        field.setId("measureTextEntry");
        field.setPromptText("Text, then Enter");
        field.relocate(s[0], s[1]);
        field.setOnAction(e -> {
            String text = field.getText().strip();
            layer.getChildren().remove(field);
            textEntry = null;
            if (!text.isEmpty()) {
                pending.clear();
                pending.add(p);
                finish(text);
            }
            viewer.requestFocus();
        });
        textEntry = field;
        layer.getChildren().add(field);
        field.autosize();
        field.requestFocus();
    }
}
