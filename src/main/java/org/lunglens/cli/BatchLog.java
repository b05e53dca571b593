package org.lunglens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
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
    private int logged;

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
        recorder.record(log, new AnalysedFilm(image, format, acquiredOn), modelName, modelFile, scores, familiarity,
                null, durationMillis);
        logged++;
    }

    int logged() {
        return logged;
    }

    Path file() {
        return log.file();
    }

    @Override
    public void close() {
        log.close();
    }
}
