/**
 * The patient log: a local SQLite file of patients, images (identified by the SHA-256 of their bytes), AI
 * analyses, readers' own reads and an append-only audit trail kept by triggers. {@link org.lunglens.patientlog.PatientLog}
 * is the entry point; {@link org.lunglens.patientlog.DatabaseLocation} says where the file lives. Schema changes are
 * versioned migrations applied on open. Records are archived, never deleted. JDBC lives here and nowhere else;
 * no JavaFX: the UI calls this from background tasks.
 */
package org.lunglens.patientlog;
