package org.lunglens.patientlog;

import java.time.Instant;

/**
 * A measurement or annotation kept for an image.
 *
 * @param uid          the viewer's identity for it
 * @param kind         "ruler", "angle", "rectangle", "ellipse", "ctr", "arrow" or "text"
 * @param geometryJson its points in image pixels (and a text annotation's words), as JSON
 * @param valueText    its value as the viewer showed it, lines joined by "; "
 * @param changedBy    who drew it, or who last removed or restored it
 */
public record MeasurementRecord(long id, long imageId, String uid, String kind, String geometryJson,
                                String valueText, boolean archived, Instant createdAt, Instant updatedAt,
                                String changedBy) {
}
