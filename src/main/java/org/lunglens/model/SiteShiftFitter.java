package org.lunglens.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Fits a network's {@link SiteShiftReference}: group means and spread from every training film, thresholds from
 * samples of validation films drawn in several mixes (each group alone, the validation mix, and for a COVID model
 * 10% and 50% COVID), so that no mix of training-site films is called shifted more than about 1% of the time.
 */
public final class SiteShiftFitter {
    /** Sample sizes with a threshold; a larger sample uses the largest one not above it. */
    static final int[] SIZES = {SiteShiftReference.MIN_FILMS, 50, 100, 200};
    /** Samples drawn per mix and size. */
    static final int DRAWS = 200;
    /** Films decoded at a time: every training film's input at once would not fit in memory (their features do). */
    private static final int CHUNK = 512;
    private static final int BATCH = 64;
    private static final int MIN_GROUP_FOR_MIX = 10;
    /** A site's own films fit a reference from this many on (a threshold for 30 films needs halves of 30). */
    public static final int SITE_MIN_FILMS = 2 * SiteShiftReference.MIN_FILMS;
    /** The group name of an adapted model's reference (its groups are "site 1", "site 2", ...). */
    public static final String SITE_GROUP = "site";
    private static final int SITE_SPLITS = 20;
    private static final int DRAWS_PER_SPLIT = 10;

    private SiteShiftFitter() {
    }

    /**
     * @param folded     the network as inference runs it (batch norm folded)
     * @param layers     the feed-forward indices to read: the unfolded network's batch-norm layers
     * @param inputs     the preprocessed inputs of some films (null for an unreadable one), asked for a chunk at a time
     * @return the reference, or null without readable training and validation films
     */
    public static SiteShiftReference fit(MultiLayerNetwork folded, List<Integer> layers, int size,
                                         List<LabelledImage> train, List<LabelledImage> validation,
                                         Function<List<LabelledImage>, List<float[]>> inputs, String fittedOn) {
        Map<String, List<double[]>> byFolder = new LinkedHashMap<>();
        List<LabelledImage> trainRead = new ArrayList<>();
        List<double[]> trainFeatures = new ArrayList<>();
        read(folded, layers, size, train, inputs, f -> !ModelMetadata.isUnlabelled(f), trainRead, trainFeatures);
        for (int i = 0; i < trainRead.size(); i++) {
            byFolder.computeIfAbsent(trainRead.get(i).folder(), g -> new ArrayList<>()).add(trainFeatures.get(i));
        }
        if (byFolder.isEmpty()) {
            return null;
        }
        SiteShiftReference unthresholded = grouped(byFolder, layers, fittedOn);
        List<LabelledImage> readableValidation = new ArrayList<>();
        List<double[]> validationFeatures = new ArrayList<>();
        read(folded, layers, size, validation, inputs, byFolder::containsKey, readableValidation, validationFeatures);
        if (validationFeatures.isEmpty()) {
            return null;
        }
        List<SiteShiftReference.Threshold> thresholds = new ArrayList<>();
        for (int n : SIZES) {
            thresholds.add(new SiteShiftReference.Threshold(n,
                    threshold(unthresholded, mixes(readableValidation, validationFeatures), n)));
        }
        return unthresholded.withThresholds(thresholds);
    }

    /**
     * A reference for a network adapted to one site, from that site's own films (no labels): its groups are clusters
     * of those films, so the check then asks whether a folder is unlike the site the model was adapted to (films
     * from another hospital or machine), which the training films can no longer tell, the adapted network's
     * statistics being the site's. The thresholds come from cross-fitting: {@link #SITE_SPLITS} random halves, the
     * groups fitted on one half, samples of n films drawn with replacement from the other; a threshold is set only
     * for sizes up to half the films. Each half's means rest on half the films, so the thresholds err on the side
     * of calling a folder like the site.
     *
     * @return the reference, or null with fewer than {@link #SITE_MIN_FILMS} readable films
     */
    public static SiteShiftReference fitToSite(MultiLayerNetwork folded, List<Integer> layers, int size,
                                               List<float[]> inputs, String fittedOn) {
        List<double[]> films = features(folded, layers, size, inputs).stream().filter(java.util.Objects::nonNull).toList();
        if (films.size() < SITE_MIN_FILMS) {
            return null;
        }
        Random random = new Random(42);
        List<SiteShiftReference.Threshold> thresholds = new ArrayList<>();
        for (int n : SIZES) {
            if (n > films.size() / 2) {
                break;
            }
            double[] distances = new double[SITE_SPLITS * DRAWS_PER_SPLIT];
            for (int split = 0; split < SITE_SPLITS; split++) {
                List<double[]> shuffled = new ArrayList<>(films);
                java.util.Collections.shuffle(shuffled, random);
                List<double[]> fit = shuffled.subList(0, films.size() / 2);
                List<double[]> held = shuffled.subList(films.size() / 2, films.size());
                SiteShiftReference half = grouped(Map.of(SITE_GROUP, fit), layers, fittedOn);
                for (int k = 0; k < DRAWS_PER_SPLIT; k++) {
                    List<double[]> sample = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        sample.add(held.get(random.nextInt(held.size())));
                    }
                    distances[split * DRAWS_PER_SPLIT + k] = half.measure(mean(sample), n).distance();
                }
            }
            Arrays.sort(distances);
            thresholds.add(new SiteShiftReference.Threshold(n, distances[(int) Math.ceil(0.99 * distances.length) - 1]));
        }
        return grouped(Map.of(SITE_GROUP, films), layers, fittedOn).withThresholds(thresholds);
    }

    /**
     * A reference without thresholds: each folder's films in clusters ({@link FolderClusters}), the groups' means and
     * their pooled within-group spread.
     */
    private static SiteShiftReference grouped(Map<String, List<double[]>> byFolder, List<Integer> layers,
                                              String fittedOn) {
        List<String> groups = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<double[]> means = new ArrayList<>();
        int d = byFolder.values().iterator().next().get(0).length;
        double[] pooled = new double[d];
        long total = 0;
        for (Map.Entry<String, List<double[]>> folder : byFolder.entrySet()) {
            List<List<double[]>> clusters = FolderClusters.of(folder.getValue());
            for (int c = 0; c < clusters.size(); c++) {
                List<double[]> members = clusters.get(c);
                double[] mean = mean(members);
                for (double[] f : members) {
                    for (int j = 0; j < d; j++) {
                        pooled[j] += (f[j] - mean[j]) * (f[j] - mean[j]);
                    }
                }
                groups.add(folder.getKey() + " " + (c + 1));
                folders.add(folder.getKey());
                counts.add(members.size());
                means.add(mean);
                total += members.size();
            }
        }
        double[] spread = new double[d];
        for (int j = 0; j < d; j++) {
            spread[j] = Math.sqrt(pooled[j] / total) + 1e-9;
        }
        return new SiteShiftReference(groups, folders, counts, layers, means, spread, List.of(), fittedOn);
    }

    /** The features of {@code films} whose folder {@code keep} accepts, a chunk at a time, into the two lists. */
    private static void read(MultiLayerNetwork folded, List<Integer> layers, int size, List<LabelledImage> films,
                             Function<List<LabelledImage>, List<float[]>> inputs,
                             java.util.function.Predicate<String> keep, List<LabelledImage> read, List<double[]> out) {
        for (int from = 0; from < films.size(); from += CHUNK) {
            List<LabelledImage> chunk = films.subList(from, Math.min(films.size(), from + CHUNK));
            List<double[]> f = features(folded, layers, size, inputs.apply(chunk));
            for (int i = 0; i < chunk.size(); i++) {
                if (f.get(i) != null && keep.test(chunk.get(i).folder())) {
                    read.add(chunk.get(i));
                    out.add(f.get(i));
                }
            }
        }
    }

    /** A mix: pools of validation films and the share of a sample drawn from each. */
    record Mix(List<List<double[]>> pools, double[] shares) {
    }

    static List<Mix> mixes(List<LabelledImage> films, List<double[]> features) {
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < films.size(); i++) {
            byGroup.computeIfAbsent(films.get(i).folder(), g -> new ArrayList<>()).add(features.get(i));
        }
        List<Mix> mixes = new ArrayList<>();
        mixes.add(new Mix(List.of(features), new double[] {1}));
        byGroup.values().stream().filter(p -> p.size() >= MIN_GROUP_FOR_MIX)
                .forEach(p -> mixes.add(new Mix(List.of(p), new double[] {1})));
        List<double[]> covid = byGroup.getOrDefault(ModelMetadata.COVID, List.of());
        List<double[]> others = new ArrayList<>();
        byGroup.forEach((g, p) -> {
            if (!ModelMetadata.COVID.equals(g)) {
                others.addAll(p);
            }
        });
        if (covid.size() >= MIN_GROUP_FOR_MIX && others.size() >= MIN_GROUP_FOR_MIX) {
            mixes.add(new Mix(List.of(covid, others), new double[] {0.1, 0.9}));
            mixes.add(new Mix(List.of(covid, others), new double[] {0.5, 0.5}));
        }
        return mixes;
    }

    /** The largest, over the mixes, 99th percentile of the distance of {@link #DRAWS} samples of about n films. */
    static double threshold(SiteShiftReference ref, List<Mix> mixes, int n) {
        Random random = new Random(42);
        double worst = 0;
        for (Mix mix : mixes) {
            double[] distances = new double[DRAWS];
            for (int k = 0; k < DRAWS; k++) {
                List<double[]> sample = new ArrayList<>();
                for (int p = 0; p < mix.pools().size(); p++) {
                    List<double[]> pool = mix.pools().get(p);
                    int take = Math.min(pool.size(), (int) Math.round(n * mix.shares()[p]));
                    sample.addAll(draw(pool, take, random));
                }
                distances[k] = ref.measure(mean(sample), sample.size()).distance();
            }
            Arrays.sort(distances);
            worst = Math.max(worst, distances[(int) Math.ceil(0.99 * DRAWS) - 1]);
        }
        return worst;
    }

    private static List<double[]> draw(List<double[]> pool, int take, Random random) {
        List<double[]> copy = new ArrayList<>(pool);
        for (int i = 0; i < take; i++) { // a partial Fisher-Yates shuffle: the first `take` are the sample
            java.util.Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
        }
        return copy.subList(0, take);
    }

    /** The mean of feature vectors of one length: a sample's, as the check compares it. */
    public static double[] mean(List<double[]> rows) {
        double[] m = new double[rows.get(0).length];
        for (double[] r : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += r[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= rows.size();
        }
        return m;
    }

    /** Each input's features (null where the input is null), a batch at a time. */
    static List<double[]> features(MultiLayerNetwork folded, List<Integer> layers, int size, List<float[]> inputs) {
        List<double[]> out = new ArrayList<>(java.util.Collections.nCopies(inputs.size(), (double[]) null));
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) != null) {
                readable.add(i);
            }
        }
        KeptLayersPass pass = new KeptLayersPass(folded);
        for (int from = 0; from < readable.size(); from += BATCH) {
            List<Integer> batch = readable.subList(from, Math.min(readable.size(), from + BATCH));
            double[][] f = pass.read(InputTensors.of(batch.stream().map(inputs::get).toList(), size),
                    kept -> SiteShiftReference.features(kept, batch.size(), layers));
            for (int r = 0; r < batch.size(); r++) {
                out.set(batch.get(r), f[r]);
            }
            NativeMemory.afterBatch(from / BATCH);
        }
        return out;
    }
}
