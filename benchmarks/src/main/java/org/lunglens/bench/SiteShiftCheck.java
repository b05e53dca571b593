package org.lunglens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.Classifier;
import org.lunglens.model.DataFolder;
import org.lunglens.model.Familiarity;
import org.lunglens.model.InputCache;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteShiftFitter;
import org.lunglens.model.SiteShiftReference;
import org.lunglens.model.Split;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How often does a model's site-shift check call a sample of n films shifted? Samples of the split's test films in
 * several mixes (each folder alone, the test mix, 10% and 50% COVID), runs of n consecutive-numbered test films of a
 * folder (nearly one source each: the data set's folders are sources concatenated), and samples of other folders.
 * The model file's own reference and thresholds, as the app uses them.
 *
 * <p>Usage: {@code SiteShiftCheck MODEL.zip DATA SPLIT.csv N [DIR...]}
 */
public final class SiteShiftCheck {
    private static final int DRAWS = 300;
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.[A-Za-z]+$");

    private SiteShiftCheck() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jSettings.forBatchInference();
        LoadedModel model = ModelFile.load(Path.of(args[0]));
        SiteShiftReference ref = model.metadata().siteShift();
        if (ref == null) {
            throw new IllegalArgumentException(args[0] + " has no site-shift reference");
        }
        int n = Integer.parseInt(args[3]);
        MultiLayerNetwork net = BatchNormFolding.fold(model.network());
        System.out.printf(Locale.ROOT, "%s: %d groups %s; threshold for %d films %.3f%n", args[0], ref.groups().size(),
                ref.groups(), n, ref.thresholdFor(n));
        List<LabelledImage> test = Split.readSet(Path.of(args[2]), Path.of(args[1]), Split.TEST);
        Map<String, List<double[]>> byFolder = new LinkedHashMap<>();
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        List<double[]> all = features(model, net, ref, test, byFolder, numbers);
        Random random = new Random(42);
        List<double[]> covid = byFolder.getOrDefault("COVID", List.of());
        List<double[]> others = new ArrayList<>();
        byFolder.forEach((f, v) -> {
            if (!"COVID".equals(f)) {
                others.addAll(v);
            }
        });
        report("test films, as mixed", rate(ref, List.of(all), new double[] {1}, n, random));
        byFolder.forEach((f, v) -> report("test " + f + " alone (" + v.size() + " films)",
                rate(ref, List.of(v), new double[] {1}, n, random)));
        report("test, 10% COVID", rate(ref, List.of(covid, others), new double[] {0.1, 0.9}, n, random));
        report("test, 50% COVID", rate(ref, List.of(covid, others), new double[] {0.5, 0.5}, n, random));
        int runs = 0;
        int shifted = 0;
        for (Map.Entry<String, List<double[]>> f : byFolder.entrySet()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < f.getValue().size(); i++) {
                order.add(i);
            }
            List<Integer> num = numbers.get(f.getKey());
            order.sort((a, b) -> Integer.compare(num.get(a), num.get(b)));
            for (int s = 0; s + n <= order.size(); s += n) {
                List<double[]> run = new ArrayList<>();
                order.subList(s, s + n).forEach(i -> run.add(f.getValue().get(i)));
                runs++;
                shifted += ref.measure(SiteShiftFitter.mean(run), n).shifted() ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  %-52s %d of %d called shifted%n", "runs of " + n
                + " consecutive-numbered test films of a folder", shifted, runs);
        for (int i = 4; i < args.length; i++) {
            List<LabelledImage> images = DataFolder.scan(Path.of(args[i])).images();
            List<double[]> f = features(model, net, ref, images, new LinkedHashMap<>(), new LinkedHashMap<>());
            var whole = ref.measure(SiteShiftFitter.mean(f), f.size());
            System.out.printf(Locale.ROOT, "  %-52s all %d films: distance %.3f (threshold %.3f) %s; samples of %d: %s%n",
                    Path.of(args[i]).getFileName(), f.size(), whole.distance(), whole.threshold(),
                    whole.shifted() ? "SHIFTED" : "not shifted", n,
                    f.size() > n ? String.format(Locale.ROOT, "%.1f%% called shifted",
                            100 * rate(ref, List.of(f), new double[] {1}, n, random)) : "-");
        }
    }

    private static void report(String what, double rate) {
        System.out.printf(Locale.ROOT, "  %-52s %5.1f%% called shifted%n", what, 100 * rate);
    }

    private static double rate(SiteShiftReference ref, List<List<double[]>> pools, double[] shares, int n, Random random) {
        int shifted = 0;
        for (int k = 0; k < DRAWS; k++) {
            List<double[]> sample = new ArrayList<>();
            for (int p = 0; p < pools.size(); p++) {
                List<double[]> pool = new ArrayList<>(pools.get(p));
                Collections.shuffle(pool, random);
                sample.addAll(pool.subList(0, Math.min(pool.size(), (int) Math.round(n * shares[p]))));
            }
            shifted += ref.measure(SiteShiftFitter.mean(sample), sample.size()).shifted() ? 1 : 0;
        }
        return (double) shifted / DRAWS;
    }

    private static List<double[]> features(LoadedModel model, MultiLayerNetwork net, SiteShiftReference ref,
                                           List<LabelledImage> images, Map<String, List<double[]>> byFolder,
                                           Map<String, List<Integer>> numbers) {
        InputCache cache = new InputCache(images, model.preprocessor(), ProgressListener.NONE);
        List<LabelledImage> readable = cache.readable(images);
        List<double[]> all = new ArrayList<>();
        int size = model.metadata().preprocessing().size();
        Classifier classifier = new Classifier(model);
        int flagged = 0;
        for (int from = 0; from < readable.size(); from += 64) {
            List<LabelledImage> batch = readable.subList(from, Math.min(readable.size(), from + 64));
            List<float[]> inputs = batch.stream().map(i -> cache.get(i.file())).toList();
            List<INDArray> ff = net.feedForward(InputTensors.of(inputs, size), false);
            double[][] batchFeatures = SiteShiftReference.features(ff, batch.size(), ref.layers());
            Familiarity[] familiarity = classifier.run(inputs).familiarity();
            for (int r = 0; r < batch.size(); r++) {
                // As the product samples: a film its own check flags stays out of the group
                if (familiarity[r] != null && familiarity[r].unfamiliar()) {
                    flagged++;
                    continue;
                }
                double[] f = batchFeatures[r];
                all.add(f);
                byFolder.computeIfAbsent(batch.get(r).folder(), k -> new ArrayList<>()).add(f);
                Matcher m = NUMBER.matcher(batch.get(r).file().getFileName().toString());
                String digits = m.find() ? m.group(1) : "0"; // the last nine digits order names of any length well enough
                numbers.computeIfAbsent(batch.get(r).folder(), k -> new ArrayList<>())
                        .add(Integer.parseInt(digits.substring(Math.max(0, digits.length() - 9))));
            }
        }
        System.out.printf(Locale.ROOT, "  (%d of %d films flagged one at a time, left out)%n", flagged, readable.size());
        return all;
    }
}
