package org.lunglens.patientlog;

import java.time.Instant;
import java.util.Objects;

/**
 * A human reader's own read of an image. A draft for {@link ReadRepository#add} has id 0; the log records the
 * reader (the draft's, else the OS user) and time.
 *
 * @param finding    the reader's finding, e.g. "COVID", "Normal", "Viral pneumonia"
 * @param confidence the reader's confidence in [0, 1]
 * @param afterAi    true when entered after the AI result was shown, false when entered before (unbiased)
 * @param text       free text, never null
 * @param source     where the read came from
 */
public record ReadRecord(long id, long imageId, String finding, double confidence, boolean afterAi, String text,
                         String reader, boolean archived, Instant createdAt, Instant updatedAt, Source source) {
    /** A reader at work, a teaching quiz (not patient care: kept out of agreement figures), or imported labels. */
    public enum Source {
        READER, QUIZ, IMPORT;

        /** The value stored in the log. */
        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Source ofStored(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public ReadRecord {
        Objects.requireNonNull(finding, "finding");
        text = text == null ? "" : text;
        source = source == null ? Source.READER : source;
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    public static ReadRecord draft(long imageId, String finding, double confidence, boolean afterAi, String text) {
        return new ReadRecord(0, imageId, finding, confidence, afterAi, text, null, false, null, null, Source.READER);
    }

    /** The same draft from another source (a quiz, an import). */
    public ReadRecord from(Source newSource) {
        return new ReadRecord(id, imageId, finding, confidence, afterAi, text, reader, archived, createdAt, updatedAt,
                newSource);
    }

    /** The same draft entered under {@code name} (the reader's name from the preferences) instead of the OS user. */
    public ReadRecord by(String name) {
        return new ReadRecord(id, imageId, finding, confidence, afterAi, text, name, archived, createdAt, updatedAt,
                source);
    }

    /** The same read with a corrected finding, confidence and text (when it was entered stays as it was). */
    public ReadRecord withAssessment(String newFinding, double newConfidence, String newText) {
        return new ReadRecord(id, imageId, newFinding, newConfidence, afterAi, newText, reader, archived, createdAt,
                updatedAt, source);
    }
}
