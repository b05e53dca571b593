package org.lunglens.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.Classifier;
import org.lunglens.model.FamiliarityDetector;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one image's prediction costs, part by part, timed in turn within each round (so JIT and machine state
 * treat them alike): DL4J's {@code output()} of the folded network (what the peers are compared with), its
 * {@code feedForward} (every layer's output kept, which the familiarity check reads), the check's scoring, the
 * classifier's whole pass as the app runs it, and preprocessing. Usage: {@code OnePassProfile MODEL.zip DATA_DIR
 * THREADS ROUNDS}; medians of 300 calls per part and round.
 */
public final class OnePassProfile {
    private static final int REPS = 300;

    private OnePassProfile() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("lunglens.bench.data", args[1]);
        Fixtures.threads(Integer.parseInt(args[2]));
        int rounds = Integer.parseInt(args[3]);
        LoadedModel model = ModelFile.load(Path.of(args[0]));
        Classifier classifier = new Classifier(model);
        PixelData pixels = Fixtures.pixels(1).get(0);
        float[] input = classifier.preprocessor().toInput(pixels);
        MultiLayerNetwork network = BatchNormFolding.fold(model.network());
        INDArray x = InputTensors.into(null, List.of(input), model.preprocessor().spec().size());
        FamiliarityDetector detector = model.metadata().familiarity();
        List<INDArray> layers = network.feedForward(x, false);
        System.out.println("model " + args[0] + ", familiarity taps " + (detector == null ? "none" : detector.taps()));
        for (int round = 1; round <= rounds; round++) {
            double output = Timing.medianMillis(REPS, () -> network.output(x, false));
            double feedForward = Timing.medianMillis(REPS, () -> network.feedForward(x, false));
            double scoring = detector == null ? 0 : Timing.medianMillis(REPS, () -> detector.assess(layers, 0));
            double app = Timing.medianMillis(REPS, () -> classifier.run(List.of(input)));
            double preprocess = Timing.medianMillis(REPS, () -> classifier.preprocessor().toInput(pixels));
            System.out.printf(Locale.ROOT, "round %d: output() %.2f ms, feedForward %.2f ms, familiarity scoring %.2f ms, "
                    + "classifier pass (app) %.2f ms, preprocessing %.2f ms%n", round, output, feedForward, scoring, app,
                    preprocess);
        }
    }
}
