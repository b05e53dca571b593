package org.lunglens.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;
import org.lunglens.model.ModelFile;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.patientlog.ImageRecord;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;

/**
 * The one way an analysed film enters the patient log, for the app's AI tab, its quiz and reads, and for
 * {@code classify --log}: the film is registered by the SHA-256 of its bytes (the same film under another path is
 * the same image), the analysis stores the model's name and the SHA-256 of its file (the exact weights), every
 * class's probability, the class the model called and whether its familiarity check flagged the film. Call on the
 * thread that owns {@code log}.
 */
public final class AnalysisRecorder {
    /** A model file is hashed once per file, not once per film. */
    private final Map<Path, String> modelHashes = new ConcurrentHashMap<>();

    /** Registers {@code film} (or finds it, by its bytes). */
    public ImageRecord register(PatientLog log, AnalysedFilm film) throws IOException, LogStoreException {
        return log.images().registerFile(film.file(), film.format(), film.acquiredOn());
    }

    /**
     * Registers {@code film} and stores one analysis of it, unless the log already holds this model's run on it
     * (the same model file explaining the same class): then that earlier run is returned.
     *
     * @param familiarity    the model's familiarity check on the film, or null for a model without one
     * @param gradCam        the explanation shown with it, or null when none was computed
     * @param durationMillis preprocessing + inference (+ Grad-CAM when shown), model loading excluded
     */
    public AnalysisRecord record(PatientLog log, AnalysedFilm film, String modelName, Path modelFile,
                                 ClassScores scores, Familiarity familiarity, GradCamInfo gradCam,
                                 long durationMillis) throws IOException, LogStoreException {
        long imageId = register(log, film).id();
        AnalysisRecord draft = AnalysisRecord.fromScores(imageId, modelName, modelSha256(modelFile),
                scores.classes(), scores.values(), scores.predictedClass(), gradCam, durationMillis);
        return log.analyses().addOnce(familiarity == null ? draft : draft.withFamiliarity(
                new AnalysisRecord.FamiliarityFlag(familiarity.unfamiliar(), familiarity.unfamiliarity())));
    }

    /** The SHA-256 of a model file, computed once per file. */
    public String modelSha256(Path modelFile) throws IOException {
        Path key = modelFile.toAbsolutePath().normalize();
        String hash = modelHashes.get(key);
        if (hash == null) {
            hash = ModelFile.sha256(key);
            modelHashes.put(key, hash);
        }
        return hash;
    }
}
