package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a model from a data folder: a seeded, stratified, group-aware split; augmentation of the
 * training split only; class-weighted loss; early stopping on validation loss with the best epoch kept;
 * a checkpoint every epoch so that {@code --resume} continues where a run stopped.
 */
public final class Trainer {
    private static final int TRAIN_ACCURACY_SAMPLE = 1000;

    private final TrainingOptions options;
    private final TrainingListener listener;
    private List<String> classes = List.of();

    private final Augmentation augmentation;

    public Trainer(TrainingOptions options, TrainingListener listener) {
        this(options, listener, augmentationFor(options));
    }

    /** The standard augmentation, then random erasing and photometric changes when the options ask for them. */
    static Augmentation augmentationFor(TrainingOptions options) {
        // Framing first, then the positioning jitter every film gets
        Augmentation a = options.site().crop() > 0
                ? new RandomCrop(options.site().crop()).andThen(Augmenter.standard()) : Augmenter.standard();
        if (options.eraseProbability() > 0) {
            a = a.andThen(new RandomErasing(options.eraseProbability()));
        }
        if (options.site().photometric() > 0) {
            a = a.andThen(new PhotometricAugmenter(options.site().photometric()));
        }
        return a;
    }

    /** With a given augmentation: tests pass one that records what it is shown. */
    public Trainer(TrainingOptions options, TrainingListener listener, Augmentation augmentation) {
        this.options = options;
        this.listener = listener;
        this.augmentation = augmentation;
    }

    public TrainingResult train() throws Exception {
        DataFolder folder = DataFolder.scan(options.data());
        classes = classesFor(folder);
        Split split = Splitter.standard(options.splitSeed()).split(folder.images());
        List<LabelledImage> all = new ArrayList<>(folder.images());
        for (Path negatives : options.site().negatives()) {
            DataFolder extra = DataFolder.scan(negatives);
            if (!ModelMetadata.BINARY.equals(options.task()) || extra.classes().contains(ModelMetadata.COVID)) {
                throw new IOException(negatives + ": extra negatives need a binary task and no COVID folder");
            }
            double share = SiteRecipe.NEGATIVES_SPLIT;
            split = split.plus(new Splitter(share, share, options.splitSeed()).split(extra.images()));
            all.addAll(extra.images());
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        split.write(options.splitFile(), options.data());
        listener.message(String.format("Split (seed %d): train %d, validation %d, test %d; written to %s",
                options.splitSeed(), split.train().size(), split.validation().size(), split.test().size(),
                options.splitFile()));

        Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.of(options.size(), options.site().normalisation(),
                options.site().border()));
        // Augmentation starts from inputs before the mask (and before CLAHE); every other use reads the model's inputs
        InputCache augmentable = new InputCache(all, preprocessor.augmentationSource(),
                (done, total, msg) -> listener.message(msg + " " + done + "/" + total));
        InputCache cache = augmentable.view(preprocessor::fromAugmentationSource);
        Evaluation.describeSkipped(cache.failures()).forEach(listener::message);
        List<LabelledImage> train = cache.readable(split.train());
        List<LabelledImage> validation = cache.readable(split.validation());
        EpochSampler sampler = new EpochSampler(train, options.maxPerClass());
        float[] weights = sampler.classWeights(classes, this::modelClassOf);

        ModelMetadata meta;
        MultiLayerNetwork net;
        TrainingState state;
        if (options.resume() && Files.exists(options.checkpoint())) {
            meta = ModelFile.readMetadata(options.checkpoint());
            if (!meta.preprocessing().equals(preprocessor.spec())) {
                throw new IOException("--resume: the checkpoint was trained on other inputs (" + meta.preprocessing()
                        .describe() + ") than this command asks for (" + preprocessor.spec().describe() + ")");
            }
            net = checkpointNetwork(options.checkpoint());
            state = ModelFile.json().readValue(options.checkpointState().toFile(), TrainingState.class);
            listener.message("Resuming after epoch " + state.epochsDone() + " (best: epoch " + state.bestEpoch() + ")");
            meta = meta.withTraining(new TrainingFacts(options).resumed(meta, state));
        } else {
            PrincipalComponents pca = options.pcaComponents() > 0 ? fitPca(train, cache) : null;
            Architectures.Network network = options.arch().equals(Architectures.ANN)
                    ? Architectures.ann(options.size(), classes.size(), weights, pca, options.learningRate(),
                            options.learningRateDecay(), options.seed())
                    : Architectures.cnn(options.size(), classes.size(), options.stem(), options.widths(),
                            options.convs(), options.batchNorm(), options.site().instanceNorm(), weights,
                            options.learningRate(), options.learningRateDecay(), options.seed());
            net = freshNetwork(network.config());
            if (options.site().init() != null) {
                startFrom(net, options.site().init());
            }
            if (pca != null) {
                pca.install(net);
            }
            meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, options.modelName(), "1.0", options.task(), classes,
                    preprocessor.spec(), network.description(), net.numParams(), network.gradCamLayer(),
                    new TrainingFacts(options).of(split, weights), Map.of());
            state = new TrainingState(0, Double.POSITIVE_INFINITY, List.of(), 0);
        }
        listener.message(meta.architecture() + ", " + net.numParams() + " parameters");
        WeightAverage average = options.emaDecay() <= 0 ? null : options.resume()
                ? WeightAverage.resume(net, options.emaDecay(), options.checkpointAverage())
                : WeightAverage.of(net, options.emaDecay());

        List<LabelledImage> trainSample = sample(train, TRAIN_ACCURACY_SAMPLE, new Random(options.seed()));
        for (int epoch = state.epochsDone() + 1; epoch <= options.epochs(); epoch++) {
            if (state.epochsDone() > 0 && state.epochsSinceBest() >= options.patience()) {
                listener.message("Early stop: validation loss has not improved for " + options.patience() + " epochs");
                break;
            }
            long start = System.nanoTime();
            double trainLoss = runEpoch(net, epoch, sampler, augmentable, preprocessor, average);
            double seconds = (System.nanoTime() - start) / 1e9;
            int thisEpoch = epoch;
            TrainingState before = state;
            ModelMetadata facts = meta;
            // Validated and saved as the best model: the averaged weights when there are any
            Callable<EpochRecord> validate = () -> {
                Classifier classifier = new Classifier(new LoadedModel(options.out(), net, facts));
                Evaluation val = Evaluator.evaluate(classifier, validation, cache);
                double trainAccuracy = Evaluator.evaluate(classifier, trainSample, cache).metrics().accuracy();
                EpochRecord record = new EpochRecord(thisEpoch, trainLoss, trainAccuracy, val.logLoss(),
                        val.metrics().accuracy(), sampler.size() / seconds, seconds);
                if (record.validationLoss() < before.bestValidationLoss()) {
                    ModelFile.save(net, facts, options.out(), false);
                }
                return record;
            };
            EpochRecord record = average == null ? validate.call() : average.apply(net, validate);
            List<EpochRecord> history = new ArrayList<>(state.history());
            history.add(record);
            boolean best = record.validationLoss() < state.bestValidationLoss();
            state = new TrainingState(best ? epoch : state.bestEpoch(),
                    Math.min(state.bestValidationLoss(), record.validationLoss()), history,
                    state.trainingSeconds() + (System.nanoTime() - start) / 1e9);
            ModelFile.save(net, meta, options.checkpoint(), true);
            if (average != null) {
                average.save(options.checkpointAverage());
            }
            ModelFile.json().writeValue(options.checkpointState().toFile(), state);
            listener.epoch(record, best);
        }
        return finish(split, cache, state, meta);
    }

    /** Tests the best epoch and records the run's facts in it (this run's: a resumed run's best may be older). */
    private TrainingResult finish(Split split, InputCache cache, TrainingState state, ModelMetadata run)
            throws IOException, ModelLoadException {
        LoadedModel best = ModelFile.load(options.out());
        if (!FamiliarityFitter.tapsOf(best.network()).isEmpty() || !BatchNormReference.batchNormLayers(best.network()).isEmpty()) {
            try {
                // From the films this run has decoded already, as 'lunglens familiarity' would from the split file
                ModelMetadata checked = FamiliarityFit.fit(best, FamiliarityFit.trainingSample(split.train(),
                        best.metadata()), split.validation(), cache, options.splitFile().getFileName().toString(),
                        (done, total, msg) -> listener.message(msg));
                checked = checked.withSiteShift(FamiliarityFit.siteShift(best, split.train(), split.validation(),
                        films -> films.stream().map(i -> cache.get(i.file())).toList(),
                        options.splitFile().getFileName().toString(), (done, total, msg) -> listener.message(msg)));
                best = new LoadedModel(best.file(), best.network(), checked);
            } catch (IOException | RuntimeException e) {
                // The run's model, test figures and card matter more than its checks: 'familiarity' refits them
                listener.message("No familiarity check fitted (" + e.getMessage() + "); fit it later with "
                        + "'lunglens familiarity --model " + options.out() + " --data " + options.data() + " --split "
                        + options.splitFile() + "'");
            }
        }
        Evaluation test = Evaluator.evaluate(new Classifier(best), cache.readable(split.test()), cache);
        Map<String, Object> training = new LinkedHashMap<>(run.training());
        training.put("bestEpoch", state.bestEpoch());
        training.put("epochsRun", state.epochsDone());
        training.put("trainingSeconds", Math.round(state.trainingSeconds()));
        ModelMetadata meta = best.metadata().withTraining(training).withMetrics(test.report());
        ModelFile.save(best.network(), meta, options.out(), false);
        return new TrainingResult(new LoadedModel(options.out(), best.network(), meta), test, state);
    }

    /** A checkpoint's network with its updater state, ready to train on. */
    static MultiLayerNetwork checkpointNetwork(Path checkpoint) throws IOException {
        return forTraining(ModelSerializer.restoreMultiLayerNetwork(checkpoint.toFile(), true));
    }

    /** A new, initialised network, ready to train on. */
    static MultiLayerNetwork freshNetwork(MultiLayerConfiguration config) {
        MultiLayerNetwork net = new MultiLayerNetwork(config);
        net.init();
        return forTraining(net);
    }

    /**
     * On libnd4j's native layers ({@link ModelFile#prepare}), and each convolution keeps its forward output for
     * its backward pass ({@link CacheMode#DEVICE}) instead of computing the convolution again, as DL4J does by
     * default: 13% of a training step of the bundled network (TrainingProfile, docs/BENCHMARKS.md). Same
     * gradients; a loaded model runs without it ({@link ModelFile}).
     */
    public static MultiLayerNetwork forTraining(MultiLayerNetwork net) {
        return ModelFile.prepare(ModelFile.withCacheMode(net, CacheMode.DEVICE));
    }

    /** Fresh weights replaced by a trained model's (its batch-norm statistics included): a warm start. */
    private void startFrom(MultiLayerNetwork net, Path init) throws IOException, ModelLoadException {
        MultiLayerNetwork parent = ModelFile.load(init).network();
        if (parent.numParams() != net.numParams() || parent.getnLayers() != net.getnLayers()) {
            throw new IOException(init + ": --init needs a model of the same architecture (" + parent.numParams()
                    + " parameters, " + parent.getnLayers() + " layers; this run: " + net.numParams() + ", "
                    + net.getnLayers() + ")");
        }
        net.setParams(parent.params().dup());
        listener.message("Starting from the weights of " + init);
    }

    private double runEpoch(MultiLayerNetwork net, int epoch, EpochSampler sampler, InputCache augmentable,
                            Preprocessor preprocessor, WeightAverage average) {
        int classCount = classes.size();
        Random random = new Random(options.seed() * 1_000_003L + epoch);
        List<LabelledImage> images = sampler.draw(random);
        // The learning-rate schedule counts epochs from 0; a resumed run continues where it stopped
        net.getLayerWiseConfigurations().setEpochCount(epoch - 1);
        int size = options.size();
        double lossSum = 0;
        int batches = 0;
        long start = System.nanoTime();
        for (int from = 0; from < images.size(); from += options.batch()) {
            List<LabelledImage> batch = images.subList(from, Math.min(images.size(), from + options.batch()));
            List<float[]> inputs = new ArrayList<>(batch.size());
            INDArray labels = Nd4j.zeros(batch.size(), classCount);
            for (int i = 0; i < batch.size(); i++) {
                // normalised again: augmentation changes grey values, inference never sees unnormalised input
                inputs.add(preprocessor.normalise(augmentation.apply(augmentable.get(batch.get(i).file()), size, random)));
                labels.putScalar(i, modelClassOf(batch.get(i).folder()), 1.0);
            }
            net.fit(new DataSet(InputTensors.of(inputs, size), labels));
            if (average != null) {
                average.update(net);
            }
            lossSum += net.score();
            batches++;
            long done = from + batch.size();
            listener.batch(epoch, options.epochs(), done, images.size(), lossSum / batches,
                    done / ((System.nanoTime() - start) / 1e9));
        }
        return lossSum / batches;
    }

    /** PCA on up to 2,000 training inputs: enough for the leading components, and seconds, not minutes. */
    private PrincipalComponents fitPca(List<LabelledImage> train, InputCache cache) {
        if (!options.arch().equals(Architectures.ANN)) {
            throw new IllegalArgumentException("--reduce pca:K applies to --arch ann only");
        }
        List<float[]> inputs = sample(train, 2000, new Random(options.seed())).stream().map(i -> cache.get(i.file())).toList();
        listener.message("Fitting PCA (" + options.pcaComponents() + " components) on " + inputs.size() + " training inputs");
        return PrincipalComponents.fit(inputs, options.pcaComponents());
    }

    private List<String> classesFor(DataFolder folder) throws IOException {
        if (ModelMetadata.BINARY.equals(options.task())) {
            if (!folder.classes().contains(ModelMetadata.COVID)) {
                throw new IOException(options.data() + ": a binary model needs a 'COVID' folder; found "
                        + folder.classes());
            }
            if (folder.classes().size() < 2) {
                throw new IOException(options.data() + ": a binary model needs at least one non-COVID folder");
            }
            return List.of(ModelMetadata.COVID, "non-COVID");
        }
        if (folder.classes().size() < 2) {
            throw new IOException(options.data() + ": needs at least two class folders; found " + folder.classes());
        }
        return folder.classes();
    }

    private int modelClassOf(String folder) {
        if (ModelMetadata.BINARY.equals(options.task())) {
            return ModelMetadata.COVID.equals(folder) ? 0 : 1;
        }
        return classes.indexOf(folder);
    }

    private static List<LabelledImage> sample(List<LabelledImage> images, int n, Random random) {
        List<LabelledImage> copy = new ArrayList<>(images);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }
}
