package org.lunglens.patientlog;

import java.util.List;

/**
 * Everything the log knows about one image, archived entries included (they carry their flag).
 *
 * @param patient  the linked patient, or null
 * @param analyses oldest first
 * @param reads    oldest first
 * @param measurements oldest first
 */
public record ImageHistory(ImageRecord image, Patient patient, List<AnalysisRecord> analyses,
                           List<ReadRecord> reads, List<MeasurementRecord> measurements) {
    public ImageHistory {
        analyses = List.copyOf(analyses);
        reads = List.copyOf(reads);
        measurements = List.copyOf(measurements);
    }

    public ImageHistory(ImageRecord image, Patient patient, List<AnalysisRecord> analyses, List<ReadRecord> reads) {
        this(image, patient, analyses, reads, List.of());
    }
}
