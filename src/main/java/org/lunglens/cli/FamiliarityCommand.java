package org.lunglens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lunglens.model.Classifier;
import org.lunglens.model.DataFolder;
import org.lunglens.model.FamiliarityFit;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lunglens familiarity}: fits a network's unfamiliar-film detector from its split and writes it into the
 * model file, then says how many films of the split's test set and of other folders it flags.
 */
@Command(name = "familiarity", mixinStandardHelpOptions = true,
        description = "Fit the unfamiliar-film check of a model trained before it existed (train does this itself): "
                + "Gaussians of the network's own features on the split's training films, the threshold on its "
                + "validation films. Rewrites --model in place (its SHA-256 changes).")
final class FamiliarityCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (.zip) of one network")
    Path model;

    @Option(names = "--data", required = true, description = "the data folder the model was trained on")
    Path data;

    @Option(names = "--split", required = true, description = "the model's split file (NAME.split.csv)")
    Path split;

    @Option(names = "--check", paramLabel = "DIR", description = "also report the share flagged in this folder "
            + "(class sub-folders); repeatable")
    List<Path> checks = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Nd4jSettings.forBatchInference();
        LoadedModel loaded = ModelFile.load(model);
        ModelMetadata fitted = FamiliarityFit.fit(loaded, split, data,
                (done, total, msg) -> System.err.println(msg));
        ModelFile.save(loaded.network(), fitted, model, false);
        if (fitted.familiarity() == null) {
            System.out.println("No familiarity check for this network (no pooling layer to read features from); "
                    + "its per-class batch-norm statistics were written into " + model);
            return 0;
        }
        System.out.printf(Locale.ROOT, "Familiarity check and per-class batch-norm statistics written into %s (%s;"
                + " flags %.1f%% of validation films)%n", model, fitted.familiarity().fittedOn(),
                100 * fitted.familiarity().validationFlagRate());
        Classifier classifier = new Classifier(ModelFile.load(model));
        report(classifier, "test split", Split.readSet(split, data, Split.TEST));
        for (Path dir : checks) {
            report(classifier, dir.toString(), DataFolder.scan(dir).images());
        }
        return 0;
    }

    private static void report(Classifier classifier, String name, List<LabelledImage> images) {
        InputCache cache = new InputCache(images, classifier.preprocessor(), ProgressListener.NONE);
        List<LabelledImage> readable = cache.readable(images);
        java.util.Map<String, int[]> byFolder = new java.util.TreeMap<>();
        for (int from = 0; from < readable.size(); from += 64) {
            List<LabelledImage> batch = readable.subList(from, Math.min(readable.size(), from + 64));
            Classifier.Output out = classifier.run(batch.stream().map(i -> cache.get(i.file())).toList());
            for (int i = 0; i < batch.size(); i++) {
                int[] counts = byFolder.computeIfAbsent(batch.get(i).folder(), f -> new int[2]);
                counts[0]++;
                counts[1] += out.familiarity()[i].unfamiliar() ? 1 : 0;
            }
        }
        byFolder.forEach((folder, c) -> System.out.printf(Locale.ROOT, "  %-40s %-16s %5d films, %5.1f%% flagged unfamiliar%n",
                name, folder, c[0], 100.0 * c[1] / c[0]));
    }
}
