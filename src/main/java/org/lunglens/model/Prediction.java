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

    public int predictedIndex() {
        return indexOfMax(probabilities);
    }

    /** The class a model predicts from its probabilities: the largest, the first of equal ones. */
    static int indexOfMax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    public String predictedClass() {
        return classes.get(predictedIndex());
    }

    public float probability(String className) {
        return probabilities[classes.indexOf(className)];
    }
}
