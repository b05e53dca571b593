package org.lunglens.patientlog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A second process for the durability and concurrency tests: registers an image, then logs analyses and prints
 * "committed ID" after each commit has returned. Arguments: log file, number of analyses (0 = until killed),
 * writer name.
 */
public final class LogWriterProcess {
    static final String READY = "ready";
    static final String COMMITTED = "committed ";

    private LogWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String writer = args[2];
        LogOptions options = new LogOptions(writer, Duration.ofSeconds(20), Clock.systemUTC());
        try (PatientLog log = PatientLog.open(file, options)) {
            ImageRecord image = log.images().register("/shared/xray.png", TestLogs.fingerprint(0), "PNG", null);
            System.out.println(READY);
            System.out.flush();
            for (int i = 0; count == 0 || i < count; i++) {
                AnalysisRecord saved = log.analyses().add(AnalysisRecord.draft(image.id(), writer, "e".repeat(64),
                        TestLogs.analysisDraft(image.id(), (i % 100) / 100.0).probabilities(), "COVID", null, i));
                System.out.println(COMMITTED + saved.id());
                System.out.flush();
            }
        }
    }
}
