package org.lunglens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lunglens.model.ModelMetadata;
import org.lunglens.teaching.AiOpinion;

/** {@code adapt --sample-mix}: the class shares of a site's adaptation films, in the model's classes. */
final class SampleMix {
    static final String TRAINING = "training";

    private SampleMix() {
    }

    /**
     * Shares per model class summing to 1; null for "training" (plain AdaBN). Null text: no COVID films (the
     * binary model's negative class, a multi-class model's Normal class).
     */
    static double[] parse(String text, ModelMetadata model) {
        List<String> classes = model.classes();
        double[] mix = new double[classes.size()];
        if (text == null) {
            String negative = AiOpinion.modelClass(classes, model.isBinary(), "Normal");
            if (negative == null) {
                return null;
            }
            mix[classes.indexOf(negative)] = 1;
            return mix;
        }
        if (text.strip().equalsIgnoreCase(TRAINING)) {
            return null;
        }
        String[] parts = text.split(",");
        for (String part : parts) {
            String[] kv = part.split("=", 2);
            String modelClass = AiOpinion.modelClass(classes, model.isBinary(), kv[0].strip());
            if (modelClass == null || kv[0].isBlank()) {
                throw new IllegalArgumentException("'" + kv[0].strip() + "' is none of the model's classes " + classes);
            }
            double share;
            try {
                share = kv.length == 1 ? (parts.length == 1 ? 1 : Double.NaN) : Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("give each class a share between 0 and 1, e.g. COVID=0.1,Normal=0.9");
            }
            mix[classes.indexOf(modelClass)] += share;
        }
        double sum = 0;
        for (double v : mix) {
            sum += v;
        }
        if (Math.abs(sum - 1) > 0.01) {
            throw new IllegalArgumentException("the shares add up to " + sum + ", not 1");
        }
        for (int i = 0; i < mix.length; i++) {
            mix[i] /= sum;
        }
        return mix;
    }

    /** "non-COVID 100%", "COVID 10%, non-COVID 90%". */
    static String describe(double[] mix, ModelMetadata model) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < mix.length; i++) {
            if (mix[i] > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.0f%%", model.classes().get(i), 100 * mix[i]));
            }
        }
        return String.join(", ", parts);
    }
}
