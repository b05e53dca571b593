package org.lunglens.ui.viewer;

import java.util.List;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.measure.Measurement;
import org.lunglens.measure.MeasurementKind;
import org.lunglens.measure.Point;

/**
 * Draws measurements over the viewer in screen coordinates, redrawn from their image coordinates whenever the view
 * changes: lines keep their width and labels stay upright and readable at any zoom, rotation or flip.
 */
final class MeasurementLayer extends Pane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double TICK = 6;
    private static final double HEAD = 12;

    MeasurementLayer() {
        setId("measurementLayer");
        setManaged(false);
        setPickOnBounds(false);
        setMouseTransparent(true);
    }

    /** The uid of the topmost measurement drawn at a scene point, or null. */
    String hit(double sceneX, double sceneY) {
        for (int i = getChildren().size() - 1; i >= 0; i--) {
            Node g = getChildren().get(i);
            if (g instanceof Group group && group.getUserData() instanceof String uid && !group.isMouseTransparent()) {
                for (Node part : group.getChildren()) {
                    if (part.contains(part.sceneToLocal(sceneX, sceneY))) {
                        return uid;
                    }
                }
            }
        }
        return null;
    }

    /** @param lines each measurement's value lines */
    void draw(ViewTransform t, List<Measurement> all, Measurement preview, String selectedUid,
              Function<Measurement, List<String>> lines) {
        getChildren().removeIf(n -> !(n instanceof javafx.scene.control.TextField));
        if (t == null) {
            return;
        }
        for (Measurement m : all) {
            Group g = group(t, m, lines.apply(m));
            g.pseudoClassStateChanged(SELECTED, m.uid().equals(selectedUid));
            getChildren().add(g);
        }
        if (preview != null) {
            Group g = group(t, preview, List.of());
            g.setMouseTransparent(true);
            getChildren().add(g);
        }
    }

    /** The labels' text size in lunglens.css ({@code .measurement-label}). */
    private static final double LABEL_FONT_PX = 12;

    private static Group group(ViewTransform t, Measurement m, List<String> lines) {
        Group g = new Group();
        g.getStyleClass().add("measurement");
        g.setId("measurement-" + m.kind().stored());
        g.setUserData(m.uid());
        double[][] s = m.points().stream().map(p -> t.imageToScreen(p.x(), p.y())).toArray(double[][]::new);
        double[] labelAt = s[s.length - 1];
        switch (m.kind()) {
            case RULER -> {
                segment(g, s[0], s[1], false);
                ticks(g, s[0], s[1], false);
            }
            case ANGLE -> {
                segment(g, s[0], s[1], false);
                segment(g, s[1], s[2], false);
                labelAt = s[1];
            }
            case RECTANGLE, ELLIPSE -> {
                labelAt = roi(g, t, m, s);
            }
            case CTR -> {
                segment(g, s[0], s[1], true);
                ticks(g, s[0], s[1], true);
                segment(g, s[2], s[3], false);
                ticks(g, s[2], s[3], false);
            }
            case ARROW -> {
                segment(g, s[0], s[1], false);
                arrowHead(g, s[0], s[1]);
                labelAt = s[0];
            }
            case TEXT -> labelAt = s[0];
        }
        if (!lines.isEmpty()) {
            Label label = new Label(String.join("\n", lines));
            label.getStyleClass().add("measurement-label");
            label.setId("measurementLabel-" + m.kind().stored());
            double x = labelAt[0] + (m.kind() == MeasurementKind.TEXT ? 0 : 8);
            double y = labelAt[1] + (m.kind() == MeasurementKind.TEXT ? 0 : 6);
            // Inside the viewport: a label past the right or bottom edge goes to the other side of its point
            // (measured as the stylesheet draws it, 12 px text and 4 px padding: the label has no skin yet)
            javafx.scene.text.Text probe = new javafx.scene.text.Text(label.getText());
            probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), LABEL_FONT_PX));
            double w = probe.getLayoutBounds().getWidth() + 10;
            double h = probe.getLayoutBounds().getHeight() + 4;
            if (x + w > t.viewWidth() - 4) {
                x = Math.max(4, labelAt[0] - 8 - w);
            }
            if (y + h > t.viewHeight() - 4) {
                y = Math.max(4, labelAt[1] - 6 - h);
            }
            label.relocate(x, y);
            g.getChildren().add(label);
        }
        return g;
    }

    private static double[] roi(Group g, ViewTransform t, Measurement m, double[][] s) {
        Point a = m.point(0);
        Point b = m.point(1);
        double[] c1 = t.imageToScreen(a.x(), b.y());
        double[] c2 = t.imageToScreen(b.x(), a.y());
        double minX = Math.min(Math.min(s[0][0], s[1][0]), Math.min(c1[0], c2[0]));
        double maxX = Math.max(Math.max(s[0][0], s[1][0]), Math.max(c1[0], c2[0]));
        double minY = Math.min(Math.min(s[0][1], s[1][1]), Math.min(c1[1], c2[1]));
        double maxY = Math.max(Math.max(s[0][1], s[1][1]), Math.max(c1[1], c2[1]));
        javafx.scene.shape.Shape shape = m.kind() == MeasurementKind.ELLIPSE
                ? new Ellipse((minX + maxX) / 2, (minY + maxY) / 2, (maxX - minX) / 2, (maxY - minY) / 2)
                : new Polygon(minX, minY, maxX, minY, maxX, maxY, minX, maxY);
        shape.getStyleClass().add("measurement-line");
        g.getChildren().add(shape);
        return new double[] {maxX, maxY};
    }

    private static void segment(Group g, double[] a, double[] b, boolean second) {
        Line hit = new Line(a[0], a[1], b[0], b[1]);
        hit.getStyleClass().add("measurement-hit");
        Line line = new Line(a[0], a[1], b[0], b[1]);
        line.getStyleClass().add("measurement-line");
        if (second) {
            line.getStyleClass().add("second");
        }
        g.getChildren().addAll(hit, line);
    }

    /** Short bars across both ends, as a caliper has. */
    private static void ticks(Group g, double[] a, double[] b, boolean second) {
        double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (len == 0) {
            return;
        }
        double nx = -(b[1] - a[1]) / len * TICK;
        double ny = (b[0] - a[0]) / len * TICK;
        for (double[] p : new double[][] {a, b}) {
            Line tick = new Line(p[0] - nx, p[1] - ny, p[0] + nx, p[1] + ny);
            tick.getStyleClass().add("measurement-line");
            if (second) {
                tick.getStyleClass().add("second");
            }
            g.getChildren().add(tick);
        }
    }

    private static void arrowHead(Group g, double[] tail, double[] head) {
        double angle = Math.atan2(head[1] - tail[1], head[0] - tail[0]);
        for (double side : new double[] {-0.45, 0.45}) {
            double a = angle + Math.PI + side;
            Line barb = new Line(head[0], head[1], head[0] + HEAD * Math.cos(a), head[1] + HEAD * Math.sin(a));
            barb.getStyleClass().add("measurement-line");
            g.getChildren().add(barb);
        }
    }
}
