package org.lunglens.model;

import java.util.List;

/**
 * One image's result.
 *
 * @param classes       the model's classes, in output order
 * @param probabilities one probability per class (sums to 1)
 * @param millis        time spent in preprocessing and inference
 * @param familiarity   how unlike the training films the image is, or null when the model has no detector
 */
public record Prediction(List<String> classes, float[] probabilities, double millis, Familiarity familiarity) {
    /** From a model without a familiarity detector. */
    public Prediction(List<String> classes, float[] probabilities, double millis) {
        this(classes, probabilities, millis, null);
    }

    /** True when the model flags the image as unlike its training films: its reading is not reliable. */
    public boolean unfamiliar() {
        return familiarity != null && familiarity.unfamiliar();
    }

    /** The classes and their probabilities, as the AI tab, the quiz and the patient log carry them. */
    public ClassScores scores() {
        return new ClassScores(classes, probabilities);
    }

    public int predictedIndex() {
        return ClassScores.indexOfMax(probabilities);
    }

    public String predictedClass() {
        return classes.get(predictedIndex());
    }

    public float probability(String className) {
        return probabilities[classes.indexOf(className)];
    }
}
