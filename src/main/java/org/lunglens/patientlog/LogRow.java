package org.lunglens.patientlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One row of the log table: an image with its patient, its latest analysis and its latest read. Fields of a
 * missing patient, analysis or read are null. {@code unfamiliar} is true where the model's familiarity check flagged
 * the film (its reading is not reliable there), null for a model without the check.
 */
public record LogRow(long imageId, String path, String format, LocalDate acquiredOn, boolean imageArchived,
                     Long patientId, String patientLocalId, String patientName, Long analysisId,
                     Instant analyzedAt, String modelName, String predictedClass, Double predictedProbability,
                     Boolean unfamiliar, String readFinding, Double readConfidence, Boolean readAfterAi, Instant readAt) {
    /** Column names of {@link #csvFields()}, in order: the image, its patient and its latest analysis. */
    public static final List<String> CSV_HEADER = List.of("image_id", "path", "format", "acquired_on",
            "image_archived", "patient_id", "patient_local_id", "patient_name", "analysis_id", "analyzed_at",
            "model_name", "predicted_class", "predicted_probability", "unfamiliar");

    /**
     * The image, patient and latest-analysis part of the row as text cells for CSV export (empty for missing
     * values); the export adds every read of the image after them ({@link CsvExport#writeLogRows}).
     */
    public List<String> csvFields() {
        return cells(imageId, path, format, acquiredOn, imageArchived, patientId, patientLocalId, patientName,
                analysisId, analyzedAt, modelName, predictedClass, predictedProbability, unfamiliar);
    }

    static List<String> cells(Object... values) {
        return Arrays.stream(values).map(value -> value == null ? "" : value.toString()).toList();
    }
}
