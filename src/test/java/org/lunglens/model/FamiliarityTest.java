package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** The unfamiliar-film check on a tiny CNN trained on real films: fitted by train, kept in the file. */
class FamiliarityTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static Path modelFile;
    private static LoadedModel model;

    @BeforeAll
    static void train() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 20, TinyModels.CLASSES);
        modelFile = tmp.resolve("m/binary.zip");
        TrainingOptions options = new TrainingOptions(data, "binary", modelFile, 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 3, 16, 10, 0, 0.003, 7, false, 0, "", true, 0.9, 0, new int[] {1});
        new Trainer(options, TrainerTest.Quiet.LISTENER).train();
        model = ModelFile.load(modelFile);
    }

    @Test
    void trainingFitsTheCheckAndTheFileKeepsIt() throws Exception {
        FamiliarityDetector detector = model.metadata().familiarity();
        assertThat(detector).isNotNull();
        assertThat(detector.taps()).hasSize(2);
        assertThat(detector.threshold()).isPositive();
        assertThat(detector.validationFlagRate()).isBetween(0.0, 0.2);

        // Saved again and reloaded: the same scores for the same film
        Path copy = tmp.resolve("copy/binary.zip");
        ModelFile.save(model.network(), model.metadata(), copy, false);
        LoadedModel reloaded = ModelFile.load(copy);
        PixelData film = new ImageLoader().load(SharedData.samples().resolve("Normal-1.png")).pixels();
        Prediction before = new Classifier(model).predict(film);
        Prediction after = new Classifier(reloaded).predict(film);
        assertThat(after.familiarity()).isEqualTo(before.familiarity());
        assertThat(after.probabilities()).containsExactly(before.probabilities());
    }

    @Test
    void filmsLikeTheTrainingFilmsAreFamiliar() throws Exception {
        Classifier classifier = new Classifier(model);
        ImageLoader loader = new ImageLoader();
        List<LabelledImage> training = Split.readSet(Combiner.splitFileOf(modelFile), data, Split.TRAIN);
        int familiar = 0;
        for (LabelledImage image : training) {
            familiar += classifier.predict(loader.load(image.file()).pixels()).unfamiliar() ? 0 : 1;
        }
        // Gaussians fitted on these very films: nearly all are familiar
        assertThat(familiar).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * training.size()));
    }

    @Test
    void blankConstantTinyAndNoiseImagesAreUnfamiliar() {
        Classifier classifier = new Classifier(model);
        int n = 128;
        int side = 32; // the model's input side: noise that resizing does not smooth away
        int[] noise = new int[side * side];
        Random random = new Random(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(256);
        }
        int[] grey = new int[n * n];
        java.util.Arrays.fill(grey, 128);
        for (PixelData image : List.of(PixelData.gray(n, n, 8, new int[n * n]), PixelData.gray(n, n, 8, grey),
                PixelData.gray(1, 1, 8, new int[] {200}), PixelData.gray(side, side, 8, noise))) {
            Prediction p = classifier.predict(image);
            assertThat(p.unfamiliar()).as(image.width() + "px, first value " + image.sample(0, 0, 0)).isTrue();
        }
    }

    @Test
    void aBatchAssessedAtOnceGetsWhatEachRowGetsAlone() throws Exception {
        FamiliarityDetector detector = model.metadata().familiarity();
        Preprocessor preprocessor = model.preprocessor();
        ImageLoader loader = new ImageLoader();
        List<float[]> inputs = new java.util.ArrayList<>();
        for (LabelledImage image : Split.readSet(Combiner.splitFileOf(modelFile), data, Split.VALIDATION)) {
            inputs.add(preprocessor.toInput(loader.load(image.file()).pixels()));
        }
        inputs.add(new float[32 * 32]); // a blank input among them: flagged outright
        List<org.nd4j.linalg.api.ndarray.INDArray> layers = model.network()
                .feedForward(InputTensors.of(inputs, 32), false);

        Familiarity[] all = detector.assessAll(layers, inputs.size());

        for (int row = 0; row < inputs.size(); row++) {
            assertThat(all[row]).as("row " + row).isEqualTo(detector.assess(layers, row));
        }
        assertThat(all[inputs.size() - 1].unfamiliar()).isTrue();
    }

    @Test
    void aCombinedModelFlagsWhatEitherNetworkFlags() {
        Familiarity low = new Familiarity(0.4);
        Familiarity high = new Familiarity(3.0);
        assertThat(Familiarity.worst(low, high)).isEqualTo(high);
        assertThat(Familiarity.worst(high, low).unfamiliar()).isTrue();
        assertThat(Familiarity.worst(null, low)).isEqualTo(low);
    }

    @Test
    void evaluationReportsTheShareFlaggedAndTheFiguresOnFamiliarFilms() throws Exception {
        Classifier classifier = new Classifier(model);
        List<LabelledImage> images = DataFolder.scan(data).images();
        InputCache cache = new InputCache(images, classifier.preprocessor(), ProgressListener.NONE);
        Evaluation evaluation = Evaluator.evaluate(classifier, images, cache);

        assertThat(evaluation.hasFamiliarity()).isTrue();
        var unfamiliar = (java.util.Map<?, ?>) evaluation.report().get("unfamiliar");
        assertThat(unfamiliar.get("flagged")).isEqualTo(evaluation.unfamiliarCount());
        assertThat(evaluation.familiarOnly().truth()).hasSize(images.size() - evaluation.unfamiliarCount());
    }
}
