package org.lunglens.patientlog;

/** Sort direction of a query. */
public enum SortOrder {
    ASCENDING("ASC"), DESCENDING("DESC");

    private final String sql;

    SortOrder(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
