package org.lunglens.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.lunglens.model.Architectures;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.SiteRecipe;
import org.lunglens.model.TrainingOptions;
import org.lunglens.model.TrainingResult;
import org.lunglens.model.Trainer;
import org.lunglens.report.TrainingReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lunglens train}: trains a model from a data folder and writes it with its reports. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a folder with one sub-folder per class. Writes the best epoch to --out, "
                + "a checkpoint every epoch (continue with --resume), the split, plots and a model card beside it.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data folder (one sub-folder per class)")
    Path data;

    @Option(names = "--task", required = true, description = "binary (COVID vs the rest) or multiclass")
    String task;

    @Option(names = "--out", required = true, description = "model file to write, e.g. models/covid-binary.zip")
    Path out;

    @Option(names = "--size", defaultValue = "128", description = "input side in px (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--arch", defaultValue = "cnn", description = "cnn or ann (dense-only baseline)")
    String arch;

    @Option(names = "--stem", defaultValue = "4", description = "CNN stem conv side and stride (default: ${DEFAULT-VALUE})")
    int stem;

    @Option(names = "--widths", defaultValue = "32,64,128,128", split = ",",
            description = "CNN channels: stem, then each 3x3 block (default: ${DEFAULT-VALUE})")
    int[] widths;

    @Option(names = "--convs", defaultValue = "1", split = ",",
            description = "CNN: 3x3 convolutions per block, one number or one per block, e.g. 1,2,2 (default: ${DEFAULT-VALUE})")
    int[] convs;

    @Option(names = "--epochs", defaultValue = "30", description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--patience", defaultValue = "8", description = "early-stopping patience in epochs (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--max-per-class", defaultValue = "0",
            description = "at most this many training images per class folder each epoch, drawn afresh (0 = all)")
    int maxPerClass;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "seed of split, weights and augmentation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split-seed", paramLabel = "S",
            description = "seed of the split alone (default: --seed): a network to combine with another trained on "
                    + "seed S keeps its split and draws new weights and augmentation from --seed")
    Long splitSeed;

    @Option(names = "--lr-decay", defaultValue = "0.92",
            description = "learning rate factor per epoch, 1 = constant (default: ${DEFAULT-VALUE})")
    double learningRateDecay;

    @Option(names = "--batch-norm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "CNN: batch normalisation between each convolution and its ReLU (default: on; --no-batch-norm)")
    boolean batchNorm;

    @Option(names = "--ema", defaultValue = "0", paramLabel = "DECAY",
            description = "validate and save a moving average of the weights, e.g. 0.998 per step (default: 0 = off)")
    double emaDecay;

    @Option(names = "--erase", defaultValue = "0", paramLabel = "P",
            description = "also replace one random rectangle (2-20%% of the image) of a training input with noise, "
                    + "with probability P (random erasing; default: 0 = off)")
    double eraseProbability;

    @Option(names = "--normalise", defaultValue = "unit", paramLabel = "unit|equalized|clahe",
            description = "input normalisation stored in the model: unit (grey / full scale), equalized (then global "
                    + "histogram equalisation: the same input for any increasing grey-value mapping) or clahe (then "
                    + "contrast-limited adaptive equalisation, 4x4 tiles; default: ${DEFAULT-VALUE})")
    String normalisation;

    @Option(names = "--photometric", defaultValue = "0", paramLabel = "P",
            description = "also change each training input's gamma, sharpness and noise, each with probability P "
                    + "(default: 0 = off)")
    double photometric;

    @Option(names = "--crop", defaultValue = "0", paramLabel = "P",
            description = "chance of a random framing of each training input: a square of 60-100%% of the side, "
                    + "anywhere in it, scaled back (default: ${DEFAULT-VALUE}, off)")
    double crop;

    @Option(names = "--mask-border", defaultValue = "0", paramLabel = "SHARE",
            description = "hide this share of each side of the input from the model, in training and in the stored "
                    + "preprocessing (labels, markers, collimation edges), e.g. 0.1; at most 0.25 "
                    + "(default: ${DEFAULT-VALUE}, off)")
    double maskBorder;

    @Option(names = "--instance-norm", defaultValue = "0", paramLabel = "N",
            description = "CNN: instance-normalise half the channels of the first N convolutions, before their batch "
                    + "norm (IBN-Net; a film's own contrast statistics taken out early; default: ${DEFAULT-VALUE}, off)")
    int instanceNorm;

    @Option(names = "--negatives", paramLabel = "DIR",
            description = "binary task: add this folder's films (class sub-folders, no COVID) as non-COVID; half train, "
                    + "a quarter each validation and test; repeatable")
    java.util.List<Path> negatives = new java.util.ArrayList<>();

    @Option(names = "--init", paramLabel = "MODEL.zip",
            description = "start from this model's weights (same architecture) instead of fresh ones")
    Path init;

    @Option(names = "--resume", description = "continue from the checkpoint beside --out")
    boolean resume;

    @Option(names = "--reduce", paramLabel = "pca:K", description = "ANN only: project inputs on K principal components first")
    String reduce;

    @Override
    public Integer call() throws Exception {
        if (!task.equals(ModelMetadata.BINARY) && !task.equals(ModelMetadata.MULTICLASS)) {
            System.err.println("lunglens: --task must be 'binary' or 'multiclass', not '" + task + "'");
            return 2;
        }
        if (!arch.equals(Architectures.CNN) && !arch.equals(Architectures.ANN)) {
            System.err.println("lunglens: --arch must be 'cnn' or 'ann', not '" + arch + "'");
            return 2;
        }
        if (emaDecay < 0 || emaDecay >= 1) {
            System.err.println("lunglens: --ema takes a decay in [0, 1), e.g. 0.998; got " + emaDecay);
            return 2;
        }
        if (!(eraseProbability >= 0 && eraseProbability <= 1)) {
            System.err.println("lunglens: --erase takes a probability in [0, 1]; got " + eraseProbability);
            return 2;
        }
        // Architectures checks this too, but only after the data set is decoded: say it before that minute
        if (convs.length != 1 && convs.length != widths.length - 1 || Arrays.stream(convs).anyMatch(c -> c < 1)) {
            System.err.println("lunglens: --convs takes one count (>= 1) or one per 3x3 block (" + (widths.length - 1)
                    + " with these --widths)");
            return 2;
        }
        int pca = 0;
        if (reduce != null) {
            if (!reduce.matches("pca:[1-9][0-9]*") || !arch.equals(Architectures.ANN)) {
                System.err.println("lunglens: --reduce takes pca:K (K > 0) and needs --arch ann; got '" + reduce + "'");
                return 2;
            }
            pca = Integer.parseInt(reduce.substring(4));
        }
        if (!normalisation.equals(org.lunglens.model.PreprocessingSpec.UNIT)
                && !normalisation.equals(org.lunglens.model.PreprocessingSpec.EQUALIZED)
                && !normalisation.equals(org.lunglens.model.PreprocessingSpec.CLAHE)) {
            System.err.println("lunglens: --normalise must be 'unit', 'equalized' or 'clahe', not '" + normalisation + "'");
            return 2;
        }
        if (!(crop >= 0 && crop <= 1)) {
            System.err.println("lunglens: --crop takes a probability in [0, 1]; got " + crop);
            return 2;
        }
        if (!(photometric >= 0 && photometric <= 1)) {
            System.err.println("lunglens: --photometric takes a probability in [0, 1]; got " + photometric);
            return 2;
        }
        int convolutions = Architectures.convolutions(widths, convs);
        if (!Architectures.instanceNormFits(instanceNorm, batchNorm, widths, convs)
                || instanceNorm > 0 && !arch.equals(Architectures.CNN)) {
            System.err.println("lunglens: --instance-norm takes a count of first convolutions (0-" + convolutions
                    + ") and needs --arch cnn with batch norm; got " + instanceNorm);
            return 2;
        }
        try {
            org.lunglens.model.PreprocessingSpec.checkBorder(maskBorder);
        } catch (IllegalArgumentException e) {
            System.err.println("lunglens: --mask-border: " + e.getMessage());
            return 2;
        }
        // Retraining over an earlier model is how a bundled model is rebuilt, so an existing --out is replaced as
        // before; never the model the run starts from, which its first saved epoch would overwrite
        new OutputGuard(true).protect(init != null ? List.of(init) : List.of()).checkModelFile("--out", out);
        String command = commandLine();
        TrainingOptions options = new TrainingOptions(data, task, out, size, arch, stem, widths, epochs, batch,
                patience, maxPerClass, learningRate, seed, resume, pca, command, batchNorm,
                learningRateDecay, emaDecay, convs, eraseProbability, splitSeed == null ? seed : splitSeed,
                new SiteRecipe(normalisation, photometric, negatives, init, crop, maskBorder, instanceNorm));
        long start = System.nanoTime();
        TrainingResult result = new Trainer(options, new ConsoleTrainingListener(System.err)).train();
        TrainingReports.write(options, result, command);
        System.out.println(EvaluationPrinter.format(result.test()));
        System.out.printf("Model written to %s (%s)%n", out, ConsoleTrainingListener.duration((System.nanoTime() - start) / 1e9));
        return 0;
    }

    private String commandLine() {
        return "java -jar target/lunglens.jar " + String.join(" ", ProcessHandle.current().info().arguments()
                // --resume only continues a run: the command that reproduces the model is the same without it
                .map(a -> java.util.Arrays.stream(a).dropWhile(s -> !s.equals("train")).filter(s -> !s.equals("--resume"))
                        .toList())
                .orElse(java.util.List.of("train")));
    }
}
