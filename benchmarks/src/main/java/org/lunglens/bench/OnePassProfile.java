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
import org.lunglens.model.KeptLayersPass;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one image's prediction costs, part by part, timed in turn within each round (so JIT and machine state
 * treat them alike): DL4J's {@code output()} of the folded network (what the peers are compared with), its
 * {@code feedForward} (every layer's output kept, which the familiarity check reads), {@link KeptLayersPass} (the
 * same outputs in reused memory, what the classifier runs since 2026-12-07), the check's scoring, the classifier's
 * whole pass as the app runs it, and preprocessing. Usage: {@code OnePassProfile MODEL.zip DATA_DIR THREADS ROUNDS
 * [BATCH]} (BATCH films per call, default 1, as the app; {@code classify} runs 64); medians of 300 calls per part and
 * round (30 for batches above 8).
 */
public final class OnePassProfile {
    private static final int REPS = 300;
    private static final int BATCH_REPS = 30;

    private OnePassProfile() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("lunglens.bench.data", args[1]);
        Fixtures.threads(Integer.parseInt(args[2]));
        int rounds = Integer.parseInt(args[3]);
        LoadedModel model = ModelFile.load(Path.of(args[0]));
        Classifier classifier = new Classifier(model);
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int reps = batch > 8 ? BATCH_REPS : REPS;
        PixelData pixels = Fixtures.pixels(1).get(0);
        List<float[]> inputs = Fixtures.inputs(classifier, batch);
        MultiLayerNetwork network = BatchNormFolding.fold(model.network());
        INDArray x = InputTensors.into(null, inputs, model.preprocessor().spec().size());
        KeptLayersPass kept = new KeptLayersPass(network);
        FamiliarityDetector detector = model.metadata().familiarity();
        List<INDArray> layers = network.feedForward(x, false);
        System.out.println("model " + args[0] + ", batch " + batch + ", familiarity taps "
                + (detector == null ? "none" : detector.taps()));
        for (int round = 1; round <= rounds; round++) {
            double output = Timing.medianMillis(reps, () -> network.output(x, false));
            double feedForward = Timing.medianMillis(reps, () -> network.feedForward(x, false));
            double keptPass = Timing.medianMillis(reps, () -> kept.run(x, l -> { }));
            double scoring = detector == null ? 0 : Timing.medianMillis(reps, () -> detector.assessAll(layers, batch));
            double app = Timing.medianMillis(reps, () -> classifier.run(inputs));
            double preprocess = Timing.medianMillis(REPS, () -> classifier.preprocessor().toInput(pixels));
            System.out.printf(Locale.ROOT, "round %d: output() %.2f ms, feedForward %.2f ms, kept-layers pass %.2f ms, "
                    + "familiarity scoring %.2f ms, classifier pass %.2f ms, preprocessing one film %.2f ms%n", round,
                    output, feedForward, keptPass, scoring, app, preprocess);
        }
    }
}
