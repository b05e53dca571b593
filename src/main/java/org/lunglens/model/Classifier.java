package org.lunglens.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.imaging.PixelData;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a loaded model on images; a combined model's networks all see the same input and their COVID
 * log-odds are averaged ({@link CovidOdds}). Not thread-safe (neither is a network): one inference thread.
 */
public final class Classifier {
    private final LoadedModel model;
    private final Preprocessor preprocessor;
    /** Each network with batch norm folded into the convolutions (see BatchNormFolding); the model's own first. */
    private final List<MultiLayerNetwork> nets = new ArrayList<>();
    /** Each network's pass that keeps the layer outputs the checks read. */
    private final List<KeptLayersPass> keptPasses = new ArrayList<>();
    /** Index of COVID in each network's output (used only by a combined model). */
    private final List<Integer> covidIndices = new ArrayList<>();
    /** Each network's familiarity detector, null where it has none. */
    private final List<FamiliarityDetector> detectors = new ArrayList<>();
    /** The last batch's input tensor, refilled when the next batch has the same size (see InputTensors#into). */
    private INDArray input;

    public Classifier(LoadedModel model) {
        this.model = model;
        this.preprocessor = model.preprocessor();
        for (LoadedModel network : model.networks()) {
            MultiLayerNetwork folded = BatchNormFolding.fold(network.network());
            nets.add(folded);
            keptPasses.add(new KeptLayersPass(folded));
            covidIndices.add(network.metadata().classes().indexOf(ModelMetadata.COVID));
            detectors.add(network.metadata().familiarity());
        }
    }

    public LoadedModel model() {
        return model;
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    public Prediction predict(PixelData pixels) {
        long start = System.nanoTime();
        float[] input = preprocessor.toInput(pixels);
        Output out = run(List.of(input));
        return new Prediction(model.metadata().classes(), out.probabilities()[0], (System.nanoTime() - start) / 1e6,
                out.familiarity()[0]);
    }

    /**
     * A batch's probabilities (one row per input) and each input's familiarity (null entries when the model has
     * no detector; a combined model has one only when each of its networks has).
     */
    public record Output(float[][] probabilities, Familiarity[] familiarity) {
    }

    /** Probabilities for already preprocessed inputs, one row per input. */
    public float[][] predictInputs(List<float[]> inputs) {
        return run(inputs).probabilities();
    }

    /** Probabilities and familiarity for already preprocessed inputs, from one forward pass per network. */
    public Output run(List<float[]> inputs) {
        return run(inputs, null);
    }

    /** The same, adding the films to {@code site} (null: none) for the site-shift check, from the same passes. */
    public Output run(List<float[]> inputs, SiteSample site) {
        input = InputTensors.into(input, inputs, preprocessor.spec().size());
        int rows = inputs.size();
        List<float[][]> perNetwork = new ArrayList<>();
        List<Familiarity[]> checks = new ArrayList<>();
        for (int n = 0; n < nets.size(); n++) {
            Familiarity[] check = new Familiarity[rows];
            perNetwork.add(forward(n, detectors.get(n), rows, check, site));
            checks.add(check);
        }
        Familiarity[] familiarity = new Familiarity[rows];
        for (int i = 0; i < rows; i++) {
            int row = i;
            familiarity[i] = Familiarity.ofNetworks(checks.stream().map(c -> c[row]).toList());
        }
        return new Output(combine(perNetwork, rows), familiarity);
    }

    private float[][] combine(List<float[][]> perNetwork, int rows) {
        if (nets.size() == 1) {
            return perNetwork.get(0);
        }
        int covid = model.metadata().classes().indexOf(ModelMetadata.COVID);
        float[][] combined = new float[rows][];
        for (int i = 0; i < combined.length; i++) {
            List<float[]> row = new ArrayList<>();
            for (float[][] p : perNetwork) {
                row.add(p[i]);
            }
            combined[i] = CovidOdds.combine(row, covidIndices, covid);
        }
        return combined;
    }

    /**
     * Network {@code n}'s probabilities; with a detector, each row's familiarity is written into {@code familiarity};
     * with a site sample that reads this network, the rows are added to it.
     */
    private float[][] forward(int n, FamiliarityDetector detector, int rows, Familiarity[] familiarity,
                              SiteSample site) {
        boolean sampling = site != null && site.reads(n);
        if (detector == null && !sampling) {
            // DL4J's own forward pass: with the native layer helpers installed it runs on oneDNN, and its
            // workspaces reuse the activations' memory from one call to the next
            return nets.get(n).output(input, false).toFloatMatrix();
        }
        // The same pass, keeping every layer's output: the detector and the site sample read some of them
        return keptPasses.get(n).run(input, layers -> {
            if (detector != null) {
                System.arraycopy(detector.assessAll(layers, rows), 0, familiarity, 0, rows);
            }
            if (sampling) {
                site.add(n, layers, rows, familiarity);
            }
        });
    }
}
