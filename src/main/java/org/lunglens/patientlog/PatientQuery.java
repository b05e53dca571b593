package org.lunglens.patientlog;

import java.util.Objects;

/**
 * A search of the patient list.
 *
 * @param text            matched literally (no wildcards) anywhere in local ID, name or notes; empty for all
 * @param sex             only this sex, or null for any
 * @param includeArchived whether archived patients are listed too
 * @param sortBy          the column to sort on
 * @param order           ascending or descending
 * @param limit           the most rows returned
 */
public record PatientQuery(String text, Sex sex, boolean includeArchived, SortBy sortBy, SortOrder order,
                           int limit) {
    /** Sortable columns; each maps to a fixed SQL expression, never to user text. */
    public enum SortBy {
        LOCAL_ID("local_id COLLATE NOCASE"), NAME("name COLLATE NOCASE"), BIRTH("birth"),
        CREATED("created_at"), UPDATED("updated_at");

        private final String sql;

        SortBy(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }

    public static final int DEFAULT_LIMIT = 10_000;

    public PatientQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(order, "order");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Every active patient, by local ID. */
    public static PatientQuery all() {
        return new PatientQuery("", null, false, SortBy.LOCAL_ID, SortOrder.ASCENDING, DEFAULT_LIMIT);
    }

    public PatientQuery withText(String newText) {
        return new PatientQuery(newText, sex, includeArchived, sortBy, order, limit);
    }

    public PatientQuery withSex(Sex newSex) {
        return new PatientQuery(text, newSex, includeArchived, sortBy, order, limit);
    }

    public PatientQuery withArchived(boolean include) {
        return new PatientQuery(text, sex, include, sortBy, order, limit);
    }

    public PatientQuery sortedBy(SortBy column, SortOrder direction) {
        return new PatientQuery(text, sex, includeArchived, column, direction, limit);
    }
}
