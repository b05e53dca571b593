package org.lunglens.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's output for one film: its classes in output order and one probability each. The one shape the
 * scores keep from the network to the AI tab, the quiz and the patient log.
 */
public record ClassScores(List<String> classes, float[] values) {
    public ClassScores {
        classes = List.copyOf(classes);
        values = values.clone();
        if (classes.size() != values.length) {
            throw new IllegalArgumentException(classes.size() + " classes but " + values.length + " scores");
        }
    }

    /** The class a model predicts: the most probable, the first of equal ones. */
    public int predictedIndex() {
        return indexOfMax(values);
    }

    public String predictedClass() {
        return classes.get(predictedIndex());
    }

    /** A copy of the probabilities, in output order. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** Class name to probability, in output order. */
    private Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(classes.get(i), (double) values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The index of the largest value, the first of equal ones: the one argmax of the code base. */
    public static int indexOfMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassScores s && classes.equals(s.classes) && java.util.Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
