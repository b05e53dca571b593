package org.lunglens.patientlog;

import java.util.List;

/**
 * One step of the schema: applied once, in order, inside one transaction, and recorded in
 * {@code schema_migrations}. A released migration never changes; a new schema is a new migration.
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        statements = List.copyOf(statements);
    }
}
