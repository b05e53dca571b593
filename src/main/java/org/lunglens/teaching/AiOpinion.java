package org.lunglens.teaching;

import java.util.List;
import java.util.Locale;
import org.lunglens.model.ClassScores;

/**
 * What the model said about a quiz case, with the truth and the reader's read put into the model's classes
 * (a binary model knows only "COVID" and "non-COVID": a "Normal" film is then "non-COVID").
 *
 * @param model          model name and version
 * @param scores         the model's classes and their probabilities, as it gave them
 * @param truthAsModel   the true label as a model class, or null when the model has no such class
 * @param readAsModel    the reader's read as a model class, or null likewise
 */
public record AiOpinion(String model, ClassScores scores, String truthAsModel, String readAsModel) {
    public static AiOpinion of(String model, ClassScores scores, boolean binary, String truth, String read) {
        return new AiOpinion(model, scores, modelClass(scores.classes(), binary, truth),
                modelClass(scores.classes(), binary, read));
    }

    public String predicted() {
        return scores.predictedClass();
    }

    /** Null when the truth has no model class (the AI cannot be scored on this case). */
    public Boolean correct() {
        return truthAsModel == null ? null : truthAsModel.equals(predicted());
    }

    /** Null when the read has no model class. */
    public Boolean agreesWithReader() {
        return readAsModel == null ? null : readAsModel.equals(predicted());
    }

    /**
     * A label in the model's terms. Names match ignoring case, spaces, underscores and hyphens ("Viral Pneumonia"
     * is "Viral_Pneumonia"). For a binary model every label other than COVID is its negative class.
     */
    public static String modelClass(List<String> classes, boolean binary, String label) {
        if (label == null) {
            return null;
        }
        String wanted = normal(label);
        for (String c : classes) {
            if (normal(c).equals(wanted)) {
                return c;
            }
        }
        if (binary && classes.size() == 2) {
            int positive = normal(classes.get(0)).equals("covid") ? 0 : normal(classes.get(1)).equals("covid") ? 1 : -1;
            return positive < 0 ? null : classes.get(1 - positive);
        }
        return null;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
