package org.lunglens.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A measurement's geometry as the JSON the patient log keeps: {@code {"points":[[x,y],...],"text":"..."}}. */
public final class MeasurementCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasurementCodec() {
    }

    public static String geometry(Measurement m) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode points = root.putArray("points");
        for (Point p : m.points()) {
            points.addArray().add(p.x()).add(p.y());
        }
        if (!m.text().isEmpty()) {
            root.put("text", m.text());
        }
        return root.toString();
    }

    /** @throws IllegalArgumentException when the JSON does not describe a {@code kind} */
    public static Measurement read(String uid, String kind, String geometry) {
        try {
            JsonNode root = JSON.readTree(geometry);
            List<Point> points = new ArrayList<>();
            for (JsonNode p : root.path("points")) {
                points.add(new Point(p.path(0).asDouble(Double.NaN), p.path(1).asDouble(Double.NaN)));
            }
            return new Measurement(uid, MeasurementKind.ofStored(kind), points, root.path("text").asText(""));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable measurement geometry: " + e.getOriginalMessage(), e);
        }
    }
}
