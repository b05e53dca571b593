package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.patientlog.LogSettings;

/**
 * Records each AI run of the app in the patient log (through {@link org.lunglens.app.AnalysisRecorder}), for the AI
 * pane to call after every prediction (FX thread).
 * Does nothing when the user turned off "Log AI runs automatically" ({@link LogSettings#logAiRuns()}) or when the
 * log is unavailable; a failure goes to the problem handler (the log pane's message) and never to the AI pane.
 * The image is registered by the SHA-256 of its bytes; the model file's SHA-256 is recorded with the result.
 */
public final class AiRunRecorder {
    private final PatientLogService service;
    private final LogSettings settings;
    private final Consumer<String> onProblem;
    private final AnalysisRecorder recorder = new AnalysisRecorder();

    public AiRunRecorder(PatientLogService service, LogSettings settings, Consumer<String> onProblem) {
        this.service = service;
        this.settings = settings;
        this.onProblem = onProblem;
    }

    /**
     * Logs one prediction of the model in {@code modelFile} on {@code image}.
     *
     * @param familiarity the model's familiarity check on the film, or null for a model without one
     * @param gradCam the explanation shown with it (class and settings), or null when none was computed
     * @return the logged analysis, or empty when logging is off or the log is unavailable; completes on the FX
     *         thread, exceptionally (after telling the problem handler) when the log refused the write
     */
    public CompletableFuture<Optional<AnalysisRecord>> record(LoadedImage image, String modelName, Path modelFile,
                                                           ClassScores scores, Familiarity familiarity,
                                                           GradCamInfo gradCam, long durationMillis) {
        return record(AnalysedFilm.of(image), modelName, modelFile, scores, familiarity, gradCam, durationMillis);
    }

    /** The same for a film known by what the log registers of it (the image itself may be closed by now). */
    public CompletableFuture<Optional<AnalysisRecord>> record(AnalysedFilm film, String modelName, Path modelFile,
                                                           ClassScores scores, Familiarity familiarity,
                                                           GradCamInfo gradCam, long durationMillis) {
        CompletableFuture<Optional<AnalysisRecord>> result = new CompletableFuture<>();
        if (!active()) {
            result.complete(Optional.empty());
            return result;
        }
        service.write(log -> Optional.of(recorder.record(log, film, modelName, modelFile, scores,
                familiarity, gradCam, durationMillis)), result::complete, problem -> {
                    onProblem.accept("The AI result was not logged: " + problem);
                    result.completeExceptionally(new IllegalStateException(problem));
                });
        return result;
    }

    /** Whether runs are logged now: the preference is on and the log is open. */
    public boolean active() {
        return settings.logAiRuns() && service.state() == PatientLogService.State.READY;
    }
}
