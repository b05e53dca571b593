package org.lunglens.measure;

/** What a measurement is, with the number of points that define it and the name stored in the patient log. */
public enum MeasurementKind {
    RULER("ruler", "Ruler", 2),
    ANGLE("angle", "Angle", 3),
    RECTANGLE("rectangle", "Rectangle ROI", 2),
    ELLIPSE("ellipse", "Ellipse ROI", 2),
    /** Two widths: the heart's (points 0-1) and the chest's (points 2-3). */
    CTR("ctr", "Cardiothoracic ratio", 4),
    ARROW("arrow", "Arrow", 2),
    TEXT("text", "Text", 1);

    private final String stored;
    private final String label;
    private final int points;

    MeasurementKind(String stored, String label, int points) {
        this.stored = stored;
        this.label = label;
        this.points = points;
    }

    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }

    public static MeasurementKind ofStored(String name) {
        for (MeasurementKind k : values()) {
            if (k.stored.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown measurement kind: " + name);
    }
}
