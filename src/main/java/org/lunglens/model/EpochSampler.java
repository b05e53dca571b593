package org.lunglens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Chooses each epoch's training images: every image, or at most {@code maxPerClass} per class folder,
 * drawn afresh each epoch so that over several epochs the whole majority class is still seen while an
 * epoch stays short on two cores.
 */
final class EpochSampler {
    private final Map<String, List<LabelledImage>> byFolder = new TreeMap<>();
    private final int maxPerClass;

    EpochSampler(List<LabelledImage> images, int maxPerClass) {
        images.forEach(i -> byFolder.computeIfAbsent(i.folder(), f -> new ArrayList<>()).add(i));
        this.maxPerClass = maxPerClass;
    }

    /** Images in one epoch. */
    int size() {
        return byFolder.values().stream().mapToInt(this::drawn).sum();
    }

    List<LabelledImage> draw(Random random) {
        List<LabelledImage> epoch = new ArrayList<>();
        for (List<LabelledImage> images : byFolder.values()) {
            List<LabelledImage> copy = new ArrayList<>(images);
            Collections.shuffle(copy, random);
            epoch.addAll(copy.subList(0, drawn(images)));
        }
        Collections.shuffle(epoch, random);
        return epoch;
    }

    /**
     * Loss weights that balance the model classes as an epoch draws them: weight = N / (K * n_class),
     * so that every class contributes equally to the loss.
     */
    float[] classWeights(List<String> classes, ToIntFunction<String> modelClassOfFolder) {
        long[] counts = new long[classes.size()];
        byFolder.forEach((folder, images) -> counts[modelClassOfFolder.applyAsInt(folder)] += drawn(images));
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        float[] weights = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            weights[i] = counts[i] == 0 ? 1f : (float) total / (counts.length * counts[i]);
        }
        return weights;
    }

    private int drawn(List<LabelledImage> images) {
        return maxPerClass > 0 ? Math.min(maxPerClass, images.size()) : images.size();
    }
}
