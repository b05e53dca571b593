package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Fits a single network's familiarity detector from its split file (training films for the Gaussians,
 * validation films for the threshold) and, from the same training films, each class's batch-norm statistics
 * ({@link BatchNormReference}), and writes both into the model file. Shared by {@code train} (every new
 * model gets one) and {@code lunglens familiarity} (models trained before the detector existed).
 */
public final class FamiliarityFit {
    /** Training films the Gaussians are fitted on: enough for a 128-dimensional covariance, and seconds. */
    public static final int TRAIN_SAMPLE = 4000;

    private FamiliarityFit() {
    }

    /** The model's metadata with a detector fitted on {@code split}'s train and validation sets. */
    public static ModelMetadata fit(LoadedModel model, Path split, Path dataRoot, ProgressListener progress)
            throws IOException {
        List<LabelledImage> train = trainingSample(Split.readSet(split, dataRoot, Split.TRAIN), model.metadata());
        List<LabelledImage> validation = Split.readSet(split, dataRoot, Split.VALIDATION);
        List<LabelledImage> all = new ArrayList<>(train);
        all.addAll(validation);
        InputCache cache = new InputCache(all, model.preprocessor(), progress);
        ModelMetadata fitted = fit(model, train, validation, cache, split.getFileName().toString(), progress);
        // Every training film, decoded a chunk at a time: together they would not fit in memory
        List<LabelledImage> allTrain = Split.readSet(split, dataRoot, Split.TRAIN);
        return fitted.withSiteShift(siteShift(model, allTrain, validation, chunk -> {
            InputCache c = new InputCache(chunk, model.preprocessor(), ProgressListener.NONE);
            return chunk.stream().map(i -> c.get(i.file())).toList();
        }, split.getFileName().toString(), progress));
    }

    /**
     * The network's site-shift reference ({@link SiteShiftReference}) from every training film and the validation
     * films; null for a network without batch norms.
     */
    public static SiteShiftReference siteShift(LoadedModel model, List<LabelledImage> train,
                                               List<LabelledImage> validation,
                                               java.util.function.Function<List<LabelledImage>, List<float[]>> inputs,
                                               String splitName, ProgressListener progress) {
        List<Integer> layers = BatchNormReference.batchNormLayers(model.network());
        if (layers.isEmpty()) {
            return null;
        }
        progress.progress(0, 1, "fitting the site-shift check on " + train.size() + " training films");
        return SiteShiftFitter.fit(BatchNormFolding.fold(model.network()), layers,
                model.metadata().preprocessing().size(), train, validation, inputs,
                train.size() + " training films of " + splitName + ", thresholds from samples of its "
                        + validation.size() + " validation films");
    }

    /**
     * The same from films already decoded ({@code train} at the end of a run has them all in its cache).
     *
     * @param trainSample the training films to fit on, from {@link #trainingSample}
     * @param splitName   the split's name, for the card
     */
    public static ModelMetadata fit(LoadedModel model, List<LabelledImage> trainSample, List<LabelledImage> validation,
                                    InputCache cache, String splitName, ProgressListener progress) throws IOException {
        if (model.isCombined()) {
            throw new IllegalArgumentException(model.file() + " is a combined model: fit each of its networks, then "
                    + "combine them again (a combined model flags a film when any of its networks does)");
        }
        ModelMetadata meta = model.metadata();
        List<LabelledImage> readableTrain = cache.readable(trainSample);
        List<float[]> trainInputs = readableTrain.stream().map(i -> cache.get(i.file())).toList();
        int[] classes = readableTrain.stream().mapToInt(i -> meta.classIndexOfFolder(i.folder())).toArray();
        List<float[]> validationInputs = cache.readable(validation).stream().map(i -> cache.get(i.file())).toList();
        if (trainInputs.isEmpty() || validationInputs.isEmpty()) {
            throw new IOException(splitName + ": no readable training or validation films");
        }
        MultiLayerNetwork net = BatchNormFolding.fold(model.network());
        ModelMetadata fitted = meta;
        if (!FamiliarityFitter.tapsOf(net).isEmpty()) {
            progress.progress(0, 1, "fitting the familiarity check on " + trainInputs.size() + " training films");
            String fittedOn = trainInputs.size() + " training films of " + splitName + ", threshold on its "
                    + validationInputs.size() + " validation films";
            fitted = meta.withFamiliarity(FamiliarityFitter.fit(net, trainInputs, classes, validationInputs,
                    meta.preprocessing().size(), fittedOn));
        }
        // The same training films give each class's batch-norm statistics, for adapting to a site ('adapt')
        BatchNormReference reference = BatchNormReference.fit(model.network(), meta.classes(), trainInputs, classes,
                meta.preprocessing().size());
        return fitted.withBatchNormReference(reference.layers().isEmpty() ? null : reference);
    }

    /** The training films the Gaussians are fitted on: {@link #TRAIN_SAMPLE} drawn with a fixed seed, labelled ones. */
    public static List<LabelledImage> trainingSample(List<LabelledImage> train, ModelMetadata meta) {
        List<LabelledImage> shuffled = new ArrayList<>(train);
        Collections.shuffle(shuffled, new Random(42));
        return shuffled.subList(0, Math.min(TRAIN_SAMPLE, shuffled.size())).stream()
                .filter(i -> meta.classIndexOfFolder(i.folder()) >= 0).toList();
    }
}
