package org.lunglens.patientlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One AI run on an image, as logged. Recorded analyses never change; they can only be archived. A draft for
 * {@link AnalysisRepository#add} has id 0; the log fills in the time and the OS user.
 *
 * @param modelSha256   SHA-256 of the model file, so a result can be traced to the exact weights
 * @param probabilities every class's probability, in the model's output order
 * @param gradCam       the explanation shown, or null when none was computed
 * @param familiarity   the model's familiarity check on this film, or null (a model without one, an older row)
 */
public record AnalysisRecord(long id, long imageId, String modelName, String modelSha256,
                             List<ClassProbability> probabilities, String predictedClass, GradCamInfo gradCam,
                             long durationMillis, Instant createdAt, String osUser, boolean archived,
                             FamiliarityFlag familiarity) {
    /** What the model's familiarity check said: flagged (its reading is not reliable here) and the score. */
    public record FamiliarityFlag(boolean unfamiliar, double unfamiliarity) {
        public FamiliarityFlag {
            if (!(unfamiliarity >= 0)) {
                throw new IllegalArgumentException("unfamiliarity must be a number >= 0: " + unfamiliarity);
            }
        }
    }

    public AnalysisRecord {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(predictedClass, "predictedClass");
        probabilities = List.copyOf(probabilities);
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("An analysis needs at least one class probability");
        }
        if (probabilities.stream().map(ClassProbability::className).distinct().count() != probabilities.size()) {
            throw new IllegalArgumentException("Class names must be distinct");
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must not be negative");
        }
    }

    public static AnalysisRecord draft(long imageId, String modelName, String modelSha256,
                                       List<ClassProbability> probabilities, String predictedClass,
                                       GradCamInfo gradCam, long durationMillis) {
        return new AnalysisRecord(0, imageId, modelName, modelSha256, probabilities, predictedClass, gradCam,
                durationMillis, null, null, false, null);
    }

    /** This draft with the familiarity check's result (null for a model without one). */
    public AnalysisRecord withFamiliarity(FamiliarityFlag flag) {
        return new AnalysisRecord(id, imageId, modelName, modelSha256, probabilities, predictedClass, gradCam,
                durationMillis, createdAt, osUser, archived, flag);
    }

    /** True when the model flagged the film as unlike its training films. */
    public boolean unfamiliar() {
        return familiarity != null && familiarity.unfamiliar();
    }

    /**
     * A draft from a model's raw output: one score per class in output order and the class the model called
     * (the caller's argmax, so the log never decides a prediction on its own). Scores are clamped to [0, 1], since
     * a float softmax can round a hair past 1.
     */
    public static AnalysisRecord fromScores(long imageId, String modelName, String modelSha256, List<String> classes,
                                            float[] scores, String predictedClass, GradCamInfo gradCam,
                                            long durationMillis) {
        if (classes.size() != scores.length) {
            throw new IllegalArgumentException(classes.size() + " classes but " + scores.length + " scores");
        }
        if (!classes.contains(predictedClass)) {
            throw new IllegalArgumentException("predicted class " + predictedClass + " is not one of " + classes);
        }
        List<ClassProbability> probabilities = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            probabilities.add(new ClassProbability(classes.get(i), Math.max(0, Math.min(1, (double) scores[i]))));
        }
        return draft(imageId, modelName, modelSha256, probabilities, predictedClass, gradCam, durationMillis);
    }

    /** The probability of {@code className}, or NaN when the model has no such class. */
    public double probability(String className) {
        return probabilities.stream().filter(p -> p.className().equals(className))
                .mapToDouble(ClassProbability::probability).findFirst().orElse(Double.NaN);
    }
}
