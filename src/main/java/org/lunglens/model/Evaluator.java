package org.lunglens.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a model over labelled images in batches and collects an {@link Evaluation}. */
public final class Evaluator {
    private static final int BATCH = 64;

    private Evaluator() {
    }

    /** Images whose folder is not one of the model's classes are skipped and reported. */
    public static Evaluation evaluate(Classifier classifier, List<LabelledImage> images, InputCache cache) {
        return evaluate(classifier, images, cache, null);
    }

    /** The same, adding the evaluated films to {@code site} (null: none) for the site-shift check. */
    public static Evaluation evaluate(Classifier classifier, List<LabelledImage> images, InputCache cache,
                                      SiteSample site) {
        ModelMetadata meta = classifier.model().metadata();
        Map<Path, String> skipped = new LinkedHashMap<>(cache.failures());
        List<Integer> truth = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (LabelledImage image : images) {
            float[] input = cache.get(image.file());
            int cls = meta.classIndexOfFolder(image.folder());
            if (input == null) {
                continue;
            }
            if (cls < 0) {
                skipped.put(image.file(), ModelMetadata.isUnlabelled(image.folder())
                        ? "folder '" + image.folder() + "' holds unlabelled films (never counted as negatives)"
                        : "folder '" + image.folder() + "' is not one of the model's classes " + meta.classes());
                continue;
            }
            truth.add(cls);
            inputs.add(input);
        }
        float[][] probabilities = new float[inputs.size()][];
        Familiarity[] familiarity = new Familiarity[inputs.size()];
        for (int start = 0; start < inputs.size(); start += BATCH) {
            List<float[]> batch = inputs.subList(start, Math.min(inputs.size(), start + BATCH));
            Classifier.Output out = classifier.run(batch, site);
            System.arraycopy(out.probabilities(), 0, probabilities, start, batch.size());
            System.arraycopy(out.familiarity(), 0, familiarity, start, batch.size());
        }
        return new Evaluation(meta, truth.stream().mapToInt(Integer::intValue).toArray(), probabilities, skipped,
                familiarity);
    }
}
