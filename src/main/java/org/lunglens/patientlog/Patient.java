package org.lunglens.patientlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A patient as stored in the log. A draft for {@link PatientRepository#add} has id 0; the log assigns the id and
 * the timestamps.
 *
 * @param localId  the site's own patient identifier, unique in the log
 * @param birth    birth year ("1948") or date ("1948-03-07"), or null when unknown
 * @param notes    free text, never null
 * @param archived archived patients are hidden by default and never deleted
 */
public record Patient(long id, String localId, String name, String birth, Sex sex, String notes, boolean archived,
                      Instant createdAt, Instant updatedAt) {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public Patient {
        Objects.requireNonNull(localId, "localId");
        if (localId.isBlank()) {
            throw new IllegalArgumentException("A patient needs a local ID");
        }
        name = name == null ? "" : name;
        notes = notes == null ? "" : notes;
        sex = sex == null ? Sex.UNKNOWN : sex;
        if (birth != null && birth.isBlank()) {
            birth = null;
        }
        checkBirth(birth);
    }

    /** A new patient, not yet saved. */
    public static Patient draft(String localId, String name, String birth, Sex sex, String notes) {
        return new Patient(0, localId, name, birth, sex, notes, false, null, null);
    }

    public Patient withName(String newName) {
        return new Patient(id, localId, newName, birth, sex, notes, archived, createdAt, updatedAt);
    }

    public Patient withNotes(String newNotes) {
        return new Patient(id, localId, name, birth, sex, newNotes, archived, createdAt, updatedAt);
    }

    public Patient withDetails(String newLocalId, String newName, String newBirth, Sex newSex, String newNotes) {
        return new Patient(id, newLocalId, newName, newBirth, newSex, newNotes, archived, createdAt, updatedAt);
    }

    private static void checkBirth(String birth) {
        if (birth == null || YEAR.matcher(birth).matches()) {
            return;
        }
        try {
            LocalDate.parse(birth);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Birth must be a year (1948) or a date (1948-03-07): " + birth, e);
        }
    }
}
