package org.lunglens.ui.patientlog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.Prediction;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.patientlog.ImageFingerprint;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.patientlog.PatientLog;

/**
 * Logs each AI run of the app in the patient log, for the AI pane to call after every prediction (FX thread).
 * Does nothing when the user turned off "Log AI runs automatically" ({@link LogSettings#logAiRuns()}) or when the
 * log is unavailable; a failure goes to the problem handler (the log pane's message) and never to the AI pane.
 * The image is registered by the SHA-256 of its bytes; the model file's SHA-256 is recorded with the result.
 */
public final class AnalysisLogger {
    private final LogService service;
    private final LogSettings settings;
    private final Consumer<String> onProblem;
    /** Model file hashes: a model file is hashed once per file, not once per run (read on the DB thread). */
    private final java.util.Map<Path, String> modelHashes = new java.util.concurrent.ConcurrentHashMap<>();

    public AnalysisLogger(LogService service, LogSettings settings, Consumer<String> onProblem) {
        this.service = service;
        this.settings = settings;
        this.onProblem = onProblem;
    }

    /**
     * Logs one prediction of {@code model} on {@code image}.
     *
     * @param gradCam the explanation shown with it (class and settings), or null when none was computed
     * @return the logged analysis, or empty when logging is off or the log is unavailable; completes on the FX
     *         thread, exceptionally (after telling the problem handler) when the log refused the write
     */
    public CompletableFuture<Optional<AnalysisRecord>> log(LoadedImage image, LoadedModel model,
                                                           Prediction prediction, GradCamInfo gradCam) {
        return log(image, model.metadata().name(), model.file(), prediction.classes(), prediction.probabilities(),
                gradCam, Math.round(prediction.millis()));
    }

    /** The same from plain values: the model's name and file, its classes and scores in output order. */
    public CompletableFuture<Optional<AnalysisRecord>> log(LoadedImage image, String modelName, Path modelFile,
                                                           List<String> classes, float[] scores, GradCamInfo gradCam,
                                                           long durationMillis) {
        CompletableFuture<Optional<AnalysisRecord>> result = new CompletableFuture<>();
        if (!settings.logAiRuns() || service.state() != LogService.State.READY) {
            result.complete(Optional.empty());
            return result;
        }
        float[] copy = scores.clone();
        service.write(log -> Optional.of(record(log, image, modelName, modelFile, classes, copy, gradCam,
                durationMillis)), result::complete, problem -> {
                    onProblem.accept("The AI result was not logged: " + problem);
                    result.completeExceptionally(new IllegalStateException(problem));
                });
        return result;
    }

    /** Whether runs are logged now: the preference is on and the log is open. */
    public boolean active() {
        return settings.logAiRuns() && service.state() == LogService.State.READY;
    }

    private AnalysisRecord record(PatientLog log, LoadedImage image, String modelName, Path modelFile,
                                  List<String> classes, float[] scores, GradCamInfo gradCam, long durationMillis)
            throws IOException, org.lunglens.patientlog.LogStoreException {
        long imageId = log.images().registerFile(image.source(), image.format(),
                image.acquisitionDate().orElse(null)).id();
        return log.analyses().add(AnalysisRecord.fromScores(imageId, modelName, modelHash(modelFile), classes,
                scores, gradCam, durationMillis));
    }

    private String modelHash(Path modelFile) throws IOException {
        Path key = modelFile.toAbsolutePath().normalize();
        String hash = modelHashes.get(key);
        if (hash == null) {
            hash = ImageFingerprint.of(key).sha256();
            modelHashes.put(key, hash);
        }
        return hash;
    }
}
