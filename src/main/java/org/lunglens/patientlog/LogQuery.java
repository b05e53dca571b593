package org.lunglens.patientlog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A search of the log table (one row per image). Every filter is optional (null / empty = no filter).
 *
 * @param text             matched literally anywhere in path, patient ID, name, notes, predicted class, finding
 *                         or read text
 * @param patientId        only this patient's images
 * @param predictedClass   only images whose latest analysis predicted this class
 * @param probabilityClass with {@code minProbability}: only images whose latest analysis gave this class at
 *                         least that probability
 * @param acquiredFrom     acquisition date on or after
 * @param acquiredTo       acquisition date on or before
 * @param includeArchived  also archived images and images of archived patients
 */
public record LogQuery(String text, Long patientId, String predictedClass, String probabilityClass,
                       Double minProbability, LocalDate acquiredFrom, LocalDate acquiredTo, boolean includeArchived,
                       SortBy sortBy, SortOrder order, int limit) {
    /** Sortable columns; each maps to a fixed SQL expression, never to user text. */
    public enum SortBy {
        PATH("i.path"), ACQUIRED("i.acquired_on"), PATIENT_ID("p.local_id COLLATE NOCASE"),
        PATIENT_NAME("p.name COLLATE NOCASE"), ANALYZED("a.created_at"), PREDICTED_CLASS("a.predicted_class"),
        PREDICTED_PROBABILITY("predicted_probability"), READ_FINDING("r.finding"), ADDED("i.created_at");

        private final String sql;

        SortBy(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }

    public LogQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(order, "order");
        if ((probabilityClass == null) != (minProbability == null)) {
            throw new IllegalArgumentException("probabilityClass and minProbability go together");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Every active image, newest first. */
    public static LogQuery all() {
        return new LogQuery("", null, null, null, null, null, null, false, SortBy.ADDED, SortOrder.DESCENDING,
                PatientQuery.DEFAULT_LIMIT);
    }

    public LogQuery withText(String newText) {
        return new LogQuery(newText, patientId, predictedClass, probabilityClass, minProbability, acquiredFrom,
                acquiredTo, includeArchived, sortBy, order, limit);
    }

    public LogQuery forPatient(Long id) {
        return new LogQuery(text, id, predictedClass, probabilityClass, minProbability, acquiredFrom, acquiredTo,
                includeArchived, sortBy, order, limit);
    }

    public LogQuery withPredictedClass(String className) {
        return new LogQuery(text, patientId, className, probabilityClass, minProbability, acquiredFrom, acquiredTo,
                includeArchived, sortBy, order, limit);
    }

    public LogQuery withMinProbability(String className, Double probability) {
        return new LogQuery(text, patientId, predictedClass, className, probability, acquiredFrom, acquiredTo,
                includeArchived, sortBy, order, limit);
    }

    public LogQuery acquiredBetween(LocalDate from, LocalDate to) {
        return new LogQuery(text, patientId, predictedClass, probabilityClass, minProbability, from, to,
                includeArchived, sortBy, order, limit);
    }

    public LogQuery withArchived(boolean include) {
        return new LogQuery(text, patientId, predictedClass, probabilityClass, minProbability, acquiredFrom,
                acquiredTo, include, sortBy, order, limit);
    }

    public LogQuery sortedBy(SortBy column, SortOrder direction) {
        return new LogQuery(text, patientId, predictedClass, probabilityClass, minProbability, acquiredFrom,
                acquiredTo, includeArchived, column, direction, limit);
    }
}
