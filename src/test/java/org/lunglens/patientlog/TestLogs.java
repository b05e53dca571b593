package org.lunglens.patientlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Shared set-up for the log tests: options, sample records, raw JDBC access and file hashing. */
final class TestLogs {
    static final String USER = "tester";

    private TestLogs() {
    }

    static LogOptions options() {
        return new LogOptions(USER, Duration.ofSeconds(5), Clock.systemUTC());
    }

    static PatientLog open(Path file) throws LogStoreException {
        return PatientLog.open(file, options());
    }

    /** A distinct image for each seed (the fingerprint of some bytes). */
    static FileFingerprint fingerprint(int seed) {
        return FileFingerprint.of(("image-" + seed).getBytes());
    }

    static ImageRecord image(PatientLog log, int seed) throws LogStoreException {
        return log.images().register("/data/xray-" + seed + ".png", fingerprint(seed), "PNG", null);
    }

    static AnalysisRecord analysisDraft(long imageId, double covid) {
        return AnalysisRecord.draft(imageId, "covid-binary", "a".repeat(64),
                List.of(new ClassProbability("COVID", covid), new ClassProbability("Normal", 1 - covid)),
                covid >= 0.5 ? "COVID" : "Normal", null, 42);
    }

    /** A plain connection that bypasses the log's checks, for arranging and inspecting files. */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
