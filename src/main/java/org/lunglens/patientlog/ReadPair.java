package org.lunglens.patientlog;

import java.time.Instant;
import java.util.List;

/**
 * An image's first read made without the AI (a reader's, or a label imported from a report) beside a model's latest
 * analysis of the same image: the unit of a site's agreement figures. Quiz reads and archived rows never appear.
 *
 * @param modelClasses the model's classes in output order (from the analysis's probabilities)
 * @param aiClass      the class the model called
 * @param unfamiliar   whether the model's familiarity check flagged the film; null for a model without one
 * @param finding      the reader's finding, in the reader's words ("COVID", "Normal", "Viral Pneumonia", ...)
 * @param readAt       when the read was recorded
 */
public record ReadPair(long imageId, String modelName, List<String> modelClasses, String aiClass, Boolean unfamiliar,
                       String finding, ReadRecord.Source source, Instant readAt) {
    public ReadPair {
        modelClasses = List.copyOf(modelClasses);
    }
}
