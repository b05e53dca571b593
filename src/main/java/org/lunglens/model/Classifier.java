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
    /** Index of COVID in each network's output (used only by a combined model). */
    private final List<Integer> covidIndices = new ArrayList<>();
    /** The last batch's input tensor, refilled when the next batch has the same size (see InputTensors#into). */
    private INDArray input;

    public Classifier(LoadedModel model) {
        this.model = model;
        this.preprocessor = model.preprocessor();
        for (LoadedModel network : model.networks()) {
            nets.add(BatchNormFolding.fold(network.network()));
            covidIndices.add(network.metadata().classes().indexOf(ModelMetadata.COVID));
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
        float[] probs = predictInputs(List.of(input))[0];
        return new Prediction(model.metadata().classes(), probs, (System.nanoTime() - start) / 1e6);
    }

    /** Probabilities for already preprocessed inputs, one row per input. */
    public float[][] predictInputs(List<float[]> inputs) {
        input = InputTensors.into(input, inputs, preprocessor.spec().size());
        List<float[][]> perNetwork = new ArrayList<>();
        for (MultiLayerNetwork net : nets) {
            perNetwork.add(probabilities(net, inputs.size()));
        }
        if (nets.size() == 1) {
            return perNetwork.get(0);
        }
        int covid = model.metadata().classes().indexOf(ModelMetadata.COVID);
        float[][] combined = new float[inputs.size()][];
        for (int i = 0; i < combined.length; i++) {
            List<float[]> row = new ArrayList<>();
            for (float[][] p : perNetwork) {
                row.add(p[i]);
            }
            combined[i] = CovidOdds.combine(row, covidIndices, covid);
        }
        return combined;
    }

    private float[][] probabilities(MultiLayerNetwork net, int rows) {
        // DL4J's own forward pass: with the native layer helpers installed it runs on oneDNN, and its
        // workspaces reuse the activations' memory from one call to the next
        INDArray out = net.output(input, false);
        float[][] probs = new float[rows][];
        for (int i = 0; i < rows; i++) {
            probs[i] = out.getRow(i).toFloatVector();
        }
        return probs;
    }
}
