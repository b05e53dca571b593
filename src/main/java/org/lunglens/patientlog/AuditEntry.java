package org.lunglens.patientlog;

import java.time.Instant;

/**
 * One change in the append-only audit trail, written by triggers in the database.
 *
 * @param table     the changed table ("patients", "images", "analyses", "analysis_probabilities", "reads")
 * @param rowId     the changed row's id (the analysis id for probabilities)
 * @param action    "INSERT" or "UPDATE" (rows are never deleted)
 * @param oldValues the row before, as a JSON object; null for an insert
 * @param newValues the row after, as a JSON object
 */
public record AuditEntry(long id, Instant at, String actor, String table, long rowId, String action,
                         String oldValues, String newValues) {
}
