package org.lunglens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified, group-aware, seeded split. Images are first gathered into their near-duplicate groups;
 * within each class the groups are shuffled with the seed and dealt to test, validation and train until
 * each holds its share of that class's images. A group never straddles two sets, so twins of one film
 * cannot leak from training into the test score.
 */
public final class Splitter {
    private final double validationFraction;
    private final double testFraction;
    private final long seed;

    public Splitter(double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be >= 0 and sum to < 1");
        }
        this.validationFraction = validationFraction;
        this.testFraction = testFraction;
        this.seed = seed;
    }

    /** The 80:10:10 split of the issue. */
    public static Splitter standard(long seed) {
        return new Splitter(0.1, 0.1, seed);
    }

    public Split split(List<LabelledImage> images) {
        // Group by class, then by duplicate group; a group's class is that of its first image.
        Map<String, Map<String, List<LabelledImage>>> byClass = new TreeMap<>();
        Map<String, String> groupClass = new LinkedHashMap<>();
        for (LabelledImage image : images) {
            String cls = groupClass.computeIfAbsent(image.group(), g -> image.folder());
            byClass.computeIfAbsent(cls, c -> new TreeMap<>())
                    .computeIfAbsent(image.group(), g -> new ArrayList<>()).add(image);
        }
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> validation = new ArrayList<>();
        List<LabelledImage> test = new ArrayList<>();
        Random random = new Random(seed);
        for (Map<String, List<LabelledImage>> groups : byClass.values()) {
            List<List<LabelledImage>> shuffled = new ArrayList<>(groups.values());
            Collections.shuffle(shuffled, random);
            int total = shuffled.stream().mapToInt(List::size).sum();
            long testTarget = Math.round(total * testFraction);
            long validationTarget = Math.round(total * validationFraction);
            int inTest = 0;
            int inValidation = 0;
            for (List<LabelledImage> group : shuffled) {
                if (inTest < testTarget) {
                    test.addAll(group);
                    inTest += group.size();
                } else if (inValidation < validationTarget) {
                    validation.addAll(group);
                    inValidation += group.size();
                } else {
                    train.addAll(group);
                }
            }
        }
        return new Split(List.copyOf(train), List.copyOf(validation), List.copyOf(test));
    }
}
