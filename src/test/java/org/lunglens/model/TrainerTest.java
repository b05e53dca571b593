package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.testutil.SharedData;

/** Trains tiny models on a few dozen real images: seconds, not minutes. */
class TrainerTest {
    private static final List<String> CLASSES = List.of("COVID", "Normal", "Viral_Pneumonia");

    @TempDir
    static Path tmp;
    private static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 14, CLASSES);
    }

    private static TrainingOptions options(Path out, String task, int epochs, boolean resume) {
        return new TrainingOptions(data, task, out, 32, Architectures.CNN, 4, new int[] {8, 8, 16}, epochs, 16,
                10, 0, 0.003, 7, resume);
    }

    @Test
    void savedModelGivesIdenticalOutputsAfterReload() throws Exception {
        TrainingResult result = new Trainer(options(tmp.resolve("m/multi.zip"), "multiclass", 2, false), Quiet.LISTENER).train();
        LoadedModel reloaded = ModelFile.load(tmp.resolve("m/multi.zip"));

        assertThat(reloaded.metadata().classes()).isEqualTo(CLASSES);
        assertThat(reloaded.metadata().preprocessing()).isEqualTo(PreprocessingSpec.ofSize(32));
        assertThat(reloaded.metadata().metrics()).containsKeys("accuracy", "confusion", "perClass");
        ImageLoader loader = new ImageLoader();
        for (Path sample : List.of(SharedData.samples().resolve("COVID-1.png"), SharedData.samples().resolve("Normal-1-16bit.png"))) {
            var pixels = loader.load(sample).pixels();
            float[] before = new Classifier(result.model()).predict(pixels).probabilities();
            float[] after = new Classifier(reloaded).predict(pixels).probabilities();
            assertThat(after).as(sample.toString()).containsExactly(before);
            assertThat(after[0] + after[1] + after[2]).isBetween(0.999f, 1.001f);
        }
    }

    @Test
    void batchNormModelGivesIdenticalOutputsAfterReload() throws Exception {
        Path out = tmp.resolve("bn/multi.zip");
        TrainingOptions opts = new TrainingOptions(data, "multiclass", out, 32, Architectures.CNN, 4, new int[] {8, 8, 16},
                2, 16, 10, 0, 0.003, 7, false, 0, "", true, 0.9, 0, new int[] {1});
        TrainingResult result = new Trainer(opts, Quiet.LISTENER).train();
        LoadedModel reloaded = ModelFile.load(out);

        assertThat(reloaded.metadata().architecture()).contains("BN");
        var pixels = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png")).pixels();
        float[] before = new Classifier(result.model()).predict(pixels).probabilities();
        float[] after = new Classifier(reloaded).predict(pixels).probabilities();
        assertThat(after).containsExactly(before);
    }

    @Test
    void writesSplitAndCheckpointAndResumes() throws Exception {
        Path out = tmp.resolve("r/binary.zip");
        TrainingOptions first = options(out, "binary", 1, false);
        new Trainer(first, Quiet.LISTENER).train();
        assertThat(first.splitFile()).exists();
        assertThat(Files.readAllLines(first.splitFile())).anyMatch(l -> l.startsWith("test,"));
        assertThat(first.checkpoint()).exists();

        TrainingOptions second = new TrainingOptions(data, "binary", out, 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 2, 16, 10, 0, 0.003, 7, true, 0, "train --epochs 2", false, 1.0, 0, new int[] {1});
        TrainingResult resumed = new Trainer(second, Quiet.LISTENER).train();
        assertThat(resumed.state().epochsDone()).isEqualTo(2);
        // The card's command is the one that reproduces the whole run, whichever epoch was best
        assertThat(ModelFile.load(out).metadata().training()).containsEntry("command", "train --epochs 2");
        assertThat(resumed.model().metadata().classes()).containsExactly("COVID", "non-COVID");
        assertThat(resumed.test().report()).containsKeys("sensitivity", "specificity", "auc");
    }

    @Test
    void splitSeedKeepsTheSplitAndDrawsNewWeights() throws Exception {
        TrainingOptions first = options(tmp.resolve("s/seed7.zip"), "binary", 1, false);
        new Trainer(first, Quiet.LISTENER).train();
        TrainingOptions second = new TrainingOptions(data, "binary", tmp.resolve("s/seed8.zip"), 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 1, 16, 10, 0, 0.003, 8, false, 0, "", false, 1.0, 0, new int[] {1}, 0, 7);
        new Trainer(second, Quiet.LISTENER).train();

        // Same split, so the two can be combined; new weights, so combining them is worth it
        assertThat(Files.readAllLines(second.splitFile())).isEqualTo(Files.readAllLines(first.splitFile()));
        LoadedModel seed8 = ModelFile.load(second.out());
        assertThat(seed8.network().params().equalsWithEps(ModelFile.load(first.out()).network().params(), 1e-6)).isFalse();
        assertThat(seed8.metadata().training()).containsEntry("seed", 8);
        assertThat(seed8.metadata().training().get("split").toString()).endsWith("seed 7");
    }

    @Test
    void weightAverageIsSavedAndResumed() throws Exception {
        Path out = tmp.resolve("ema/multi.zip");
        TrainingOptions first = new TrainingOptions(data, "multiclass", out, 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 1, 16, 10, 0, 0.003, 7, false, 0, "", true, 0.9, 0.9, new int[] {1, 2});
        new Trainer(first, Quiet.LISTENER).train();
        assertThat(first.checkpointAverage()).exists();

        TrainingOptions second = new TrainingOptions(data, "multiclass", out, 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 2, 16, 10, 0, 0.003, 7, true, 0, "", true, 0.9, 0.9, new int[] {1, 2});
        TrainingResult resumed = new Trainer(second, Quiet.LISTENER).train();

        assertThat(resumed.state().epochsDone()).isEqualTo(2);
        assertThat(resumed.model().metadata().training().get("weightAverage").toString()).contains("0.9", "from epoch 1");
        // The best model holds the average, the checkpoint the trained weights: they differ
        INDArray trained = ModelFile.load(first.checkpoint()).network().params();
        assertThat(ModelFile.load(out).network().params().equalsWithEps(trained, 1e-7)).isFalse();
    }

    @Test
    void augmentationOnlyEverSeesTrainingImages() throws Exception {
        List<float[]> seen = Collections.synchronizedList(new ArrayList<>());
        Augmentation recording = recordingInto(seen);
        TrainingOptions opts = options(tmp.resolve("a/aug.zip"), "multiclass", 2, false);
        new Trainer(opts, Quiet.LISTENER, recording).train();

        Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.ofSize(32));
        ImageLoader loader = new ImageLoader();
        Path root = data;
        List<LabelledImage> heldOut = new ArrayList<>(Split.readSet(opts.splitFile(), root, Split.VALIDATION));
        heldOut.addAll(Split.readSet(opts.splitFile(), root, Split.TEST));
        List<LabelledImage> train = Split.readSet(opts.splitFile(), root, Split.TRAIN);
        assertThat(heldOut).isNotEmpty();
        assertThat(seen).hasSize(2 * train.size());
        for (LabelledImage image : heldOut) {
            float[] input = preprocessor.toInput(loader.load(image.file()).pixels());
            assertThat(seen).as(image.file() + " was augmented").noneMatch(s -> Arrays.equals(s, input));
        }
        float[] aTrainingInput = preprocessor.toInput(loader.load(train.get(0).file()).pixels());
        assertThat(seen).as("the recorder sees training inputs").anyMatch(s -> Arrays.equals(s, aTrainingInput));
    }

    @Test
    void siteRecipeStoresEqualisedPreprocessingAndSplitsTheExtraNegatives() throws Exception {
        Path tb = Files.createDirectories(tmp.resolve("tb/Tuberculosis"));
        try (var files = Files.list(SharedData.root().resolve("tuberculosis-128/Tuberculosis"))) {
            for (Path f : files.sorted().limit(12).toList()) {
                Files.createSymbolicLink(tb.resolve(f.getFileName()), f.toAbsolutePath());
            }
        }
        Path out = tmp.resolve("site/binary.zip");
        Path parent = tmp.resolve("site-parent/binary.zip");
        new Trainer(options(parent, "binary", 1, false), Quiet.LISTENER).train();
        TrainingOptions opts = new TrainingOptions(data, "binary", out, 32, Architectures.CNN, 4, new int[] {8, 8, 16},
                1, 16, 10, 0, 0.003, 7, false, 0, "", false, 1.0, 0, new int[] {1}, 0, 7,
                new SiteRecipe(PreprocessingSpec.EQUALIZED, 0.5, List.of(tmp.resolve("tb")), parent, 0.5));
        TrainingResult result = new Trainer(opts, Quiet.LISTENER).train();

        assertThat(result.model().metadata().preprocessing().normalisation()).isEqualTo(PreprocessingSpec.EQUALIZED);
        assertThat(result.model().metadata().training()).containsKeys("photometricAugmentation",
                "framingAugmentation", "extraNegatives", "initialWeights");
        List<String> tbRows = Files.readAllLines(opts.splitFile()).stream().filter(l -> l.contains("Tuberculosis")).toList();
        // Half of the extra films train, a quarter each validate and test; their paths lead out of the data folder
        assertThat(tbRows).hasSize(12).allMatch(l -> l.contains(",../"));
        assertThat(tbRows.stream().filter(l -> l.startsWith("train,"))).hasSize(6);
        assertThat(tbRows.stream().filter(l -> l.startsWith("test,"))).hasSize(3);
        // Inference reads the normalisation from the file: it equalises as training did
        assertThat(ModelFile.load(out).preprocessor().spec().equalized()).isTrue();
    }

    @Test
    void aMaskedRunAugmentsUnmaskedInputsAndItsModelNeverSeesTheBand() throws Exception {
        List<float[]> seen = Collections.synchronizedList(new ArrayList<>());
        Augmentation recording = recordingInto(seen);
        Path out = tmp.resolve("masked/binary.zip");
        TrainingOptions opts = new TrainingOptions(data, "binary", out, 32, Architectures.CNN, 4, new int[] {8, 8, 16},
                1, 16, 10, 0, 0.003, 7, false, 0, "", false, 1.0, 0, new int[] {1}, 0, 7,
                new SiteRecipe(PreprocessingSpec.EQUALIZED, 0, List.of(), null, 0, 0.125));
        TrainingResult result = new Trainer(opts, Quiet.LISTENER, recording).train();

        // Augmentation gets the band's content (a shift must not carry zeros inward); the network gets it masked
        assertThat(seen).isNotEmpty().allMatch(input -> {
            for (int i = 0; i < input.length; i++) {
                if (BorderMask.inBand(i % 32, i / 32, 32, 4) && input[i] > 0f) {
                    return true;
                }
            }
            return false;
        });
        LoadedModel reloaded = ModelFile.load(out);
        assertThat(reloaded.metadata().preprocessing()).isEqualTo(PreprocessingSpec.of(32, PreprocessingSpec.EQUALIZED, 0.125));
        assertThat(reloaded.metadata().training()).containsKey("borderMask");
        var film = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png")).pixels();
        int w = film.width();
        int[] labelled = new int[w * film.height()];
        for (int i = 0; i < labelled.length; i++) {
            boolean corner = i % w < w / 20 && i / w < film.height() / 20;
            labelled[i] = corner ? film.maxValue() : (int) Math.round(film.luminance(i));
        }
        float[] plain = new Classifier(reloaded).predict(film).probabilities();
        float[] withLabel = new Classifier(reloaded).predict(
                org.lunglens.imaging.PixelData.gray(w, film.height(), film.bitDepth(), labelled)).probabilities();
        assertThat(new Classifier(result.model()).predict(film).probabilities()).containsExactly(plain);
        assertThat(withLabel).containsExactly(plain);
    }

    /** An augmentation that changes nothing and keeps a copy of every input it is given. */
    private static Augmentation recordingInto(List<float[]> seen) {
        return (input, size, random) -> {
            seen.add(input.clone());
            return input.clone();
        };
    }

    /** A listener that prints nothing. */
    enum Quiet implements TrainingListener {
        LISTENER;

        @Override
        public void message(String text) {
        }

        @Override
        public void batch(int epoch, int maxEpochs, long done, long total, double loss, double rate) {
        }

        @Override
        public void epoch(EpochRecord record, boolean best) {
        }
    }
}
