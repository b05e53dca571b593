package org.lunglens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;

/**
 * {@code classify --log}: each result goes into the patient log as an analysis of the image (registered by the
 * SHA-256 of its bytes) with the model's name and SHA-256, every class's probability, the predicted class, the
 * time per image and the OS user. The log is opened before any image is classified, so an unusable file stops the
 * run at once with one line.
 */
final class BatchLog implements AutoCloseable {
    private final PatientLog log;
    private final String modelName;
    private final Path modelFile;
    private final AnalysisRecorder recorder = new AnalysisRecorder();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private int logged;
    private int alreadyLogged;

    private BatchLog(PatientLog log, String modelName, Path modelFile) {
        this.log = log;
        this.modelName = modelName;
        this.modelFile = modelFile;
    }

    /** Opens {@code db}, else the file chosen in the app's preferences, else the default location. */
    static BatchLog open(Path db, String modelName, Path modelFile) throws IOException, LogStoreException {
        return new BatchLog(PatientLog.open(LogSettings.forUser().resolve(db)), modelName, modelFile);
    }

    void record(Path image, String format, LocalDate acquiredOn, ClassScores scores, Familiarity familiarity,
                long durationMillis) throws IOException, LogStoreException {
        AnalysisRecord run = recorder.record(log, new AnalysedFilm(image, format, acquiredOn), modelName, modelFile,
                scores, familiarity, null, durationMillis);
        // the log keeps one row per film and model file: a film classified before keeps its earlier row
        if (run.createdAt().isBefore(started)) {
            alreadyLogged++;
        } else {
            logged++;
        }
    }

    /** What the run added to the log, for the closing line. */
    String summary() {
        return "logged " + logged + (logged == 1 ? " analysis" : " analyses") + " in " + log.file()
                + (alreadyLogged == 0 ? "" : " (" + alreadyLogged + " more were in the log already: same film, same"
                        + " model file)");
    }

    @Override
    public void close() {
        log.close();
    }
}
