package org.lunglens.measure;

import java.util.List;
import java.util.UUID;

/**
 * One measurement or annotation on a film, in image coordinates, so it stays put under zoom, pan and rotation.
 *
 * @param uid    its identity from the moment it is drawn (the log archives and restores it by this)
 * @param points as many as {@link MeasurementKind#points()}
 * @param text   a text annotation's words; empty for the other kinds
 */
public record Measurement(String uid, MeasurementKind kind, List<Point> points, String text) {
    public Measurement {
        points = List.copyOf(points);
        text = text == null ? "" : text;
        if (points.size() != kind.points()) {
            throw new IllegalArgumentException(kind.label() + " needs " + kind.points() + " points, not "
                    + points.size());
        }
    }

    /** A new measurement with a fresh identity. */
    public static Measurement create(MeasurementKind kind, List<Point> points, String text) {
        return new Measurement(UUID.randomUUID().toString(), kind, points, text);
    }

    public Point point(int i) {
        return points.get(i);
    }
}
