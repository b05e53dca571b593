package org.lunglens.model;

import java.nio.file.Path;

/**
 * Everything a training run depends on; recorded in the model card so the run can be repeated.
 *
 * @param data         data folder, one sub-folder per class
 * @param task         "binary" or "multiclass"
 * @param out          model file to write (the best epoch); checkpoints and reports go beside it
 * @param size         model input side in pixels
 * @param arch         "cnn" or "ann"
 * @param stem         CNN stem convolution side and stride
 * @param widths       CNN channel widths: stem, then one per 3x3 block
 * @param epochs       maximum number of epochs
 * @param batch        minibatch size
 * @param patience     epochs without a better validation loss before stopping early
 * @param maxPerClass  cap on training images drawn per class each epoch (0 = all); fresh draw every epoch
 * @param learningRate Adam's learning rate
 * @param seed         seed of the initial weights, the order of the training images and the augmentation
 * @param resume       continue from the checkpoint beside {@code out}
 * @param pcaComponents for the ANN: project inputs on this many principal components first (0 = none)
 * @param command      the command line that started the run, recorded in the model's metadata
 * @param batchNorm    CNN: batch normalisation between each convolution and its ReLU
 * @param learningRateDecay factor the learning rate is multiplied by after each epoch (1 = constant)
 * @param convs        CNN: 3x3 convolutions per block, one number for all blocks or one per block
 * @param emaDecay     validate and save an exponential moving average of the weights with this decay per
 *                     step (0 = the trained weights themselves)
 * @param eraseProbability chance that a training input also gets one rectangle replaced by noise
 *                     ({@link RandomErasing}; 0 = off)
 * @param splitSeed    seed of the train/validation/test split; networks meant to be combined share it and
 *                     differ in {@code seed}
 * @param site         preprocessing, augmentation, extra data and initial weights aimed at other hospitals' films
 */
public record TrainingOptions(Path data, String task, Path out, int size, String arch, int stem, int[] widths, int epochs,
                              int batch, int patience, int maxPerClass, double learningRate, long seed,
                              boolean resume, int pcaComponents, String command, boolean batchNorm,
                              double learningRateDecay, double emaDecay, int[] convs, double eraseProbability,
                              long splitSeed, SiteRecipe site) {

    /** Without the site-shift recipe (the first bundled models'). */
    public TrainingOptions(Path data, String task, Path out, int size, String arch, int stem, int[] widths, int epochs,
                           int batch, int patience, int maxPerClass, double learningRate, long seed,
                           boolean resume, int pcaComponents, String command, boolean batchNorm,
                           double learningRateDecay, double emaDecay, int[] convs, double eraseProbability,
                           long splitSeed) {
        this(data, task, out, size, arch, stem, widths, epochs, batch, patience, maxPerClass, learningRate, seed,
                resume, pcaComponents, command, batchNorm, learningRateDecay, emaDecay, convs, eraseProbability,
                splitSeed, SiteRecipe.none());
    }

    /** The split drawn with the same seed as the weights. */
    public TrainingOptions(Path data, String task, Path out, int size, String arch, int stem, int[] widths, int epochs,
                           int batch, int patience, int maxPerClass, double learningRate, long seed,
                           boolean resume, int pcaComponents, String command, boolean batchNorm,
                           double learningRateDecay, double emaDecay, int[] convs, double eraseProbability) {
        this(data, task, out, size, arch, stem, widths, epochs, batch, patience, maxPerClass, learningRate, seed,
                resume, pcaComponents, command, batchNorm, learningRateDecay, emaDecay, convs, eraseProbability, seed);
    }

    /** Without random erasing. */
    public TrainingOptions(Path data, String task, Path out, int size, String arch, int stem, int[] widths, int epochs,
                           int batch, int patience, int maxPerClass, double learningRate, long seed,
                           boolean resume, int pcaComponents, String command, boolean batchNorm,
                           double learningRateDecay, double emaDecay, int[] convs) {
        this(data, task, out, size, arch, stem, widths, epochs, batch, patience, maxPerClass, learningRate, seed,
                resume, pcaComponents, command, batchNorm, learningRateDecay, emaDecay, convs, 0);
    }

    public TrainingOptions(Path data, String task, Path out, int size, String arch, int stem, int[] widths, int epochs,
                           int batch, int patience, int maxPerClass, double learningRate, long seed, boolean resume) {
        this(data, task, out, size, arch, stem, widths, epochs, batch, patience, maxPerClass, learningRate, seed,
                resume, 0, "", false, 1.0, 0, new int[] {1}, 0, seed);
    }

    /** Where the latest epoch's full state (weights and optimiser) is kept, for --resume. */
    public Path checkpoint() {
        return sibling(".checkpoint.zip");
    }

    /** The weight average at the latest epoch, for --resume with --ema. */
    public Path checkpointAverage() {
        return sibling(".checkpoint-ema.bin");
    }

    public Path checkpointState() {
        return sibling(".checkpoint.json");
    }

    public Path splitFile() {
        return sibling(".split.csv");
    }

    public Path sibling(String suffix) {
        return ModelFileNames.sibling(out, suffix);
    }

    public String modelName() {
        return ModelFileNames.baseName(out);
    }
}
