package org.lunglens.ui.ai;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Familiarity;

/**
 * One completed AI run as the AI tab shows it, handed to {@link AiPane#setOnAnalysis} listeners (the
 * patient log): fired once per image and model, when the prediction and its first Grad-CAM are shown.
 *
 * @param film            the analysed file, as the patient log registers it
 * @param modelName       model name from its metadata, e.g. "covid-binary"
 * @param modelVersion    its version
 * @param modelFile       the model zip used
 * @param modelSha256     SHA-256 of that zip: the exact weights
 * @param scores          the classes and their probabilities, as the model gave them
 * @param familiarity     the model's familiarity check on the film; null for a model without one
 * @param gradCamClass    the class the heatmap explains; null when the model has no convolution
 * @param gradCamSettings layer, colour map, opacity, threshold, overlay shown, empty (as text)
 * @param durationMillis  preprocessing + inference + Grad-CAM, model loading excluded
 */
public record AiAnalysis(AnalysedFilm film, String modelName, String modelVersion, Path modelFile, String modelSha256,
                         ClassScores scores, Familiarity familiarity, String gradCamClass, Map<String, String> gradCamSettings,
                         long durationMillis) {
    public AiAnalysis {
        gradCamSettings = Collections.unmodifiableMap(new LinkedHashMap<>(gradCamSettings));
    }

    /** The same run with another familiarity flag (its site verdict came after the result was shown). */
    AiAnalysis withFamiliarity(Familiarity flag) {
        return new AiAnalysis(film, modelName, modelVersion, modelFile, modelSha256, scores, flag, gradCamClass,
                gradCamSettings, durationMillis);
    }

    /** The analysed file. */
    public Path image() {
        return film.file();
    }

    /** The class the model called. */
    public String predictedClass() {
        return scores.predictedClass();
    }
}
