package org.lunglens.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.imaging.PixelData;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a loaded model on images. Not thread-safe (neither is the network): one inference thread. */
public final class Classifier {
    private final LoadedModel model;
    private final Preprocessor preprocessor;
    /** The model's network with batch norm folded into the convolutions (see BatchNormFolding). */
    private final MultiLayerNetwork net;
    /** The last batch's input tensor, refilled when the next batch has the same size (see InputTensors#into). */
    private INDArray input;

    public Classifier(LoadedModel model) {
        this.model = model;
        this.preprocessor = model.preprocessor();
        this.net = BatchNormFolding.fold(model.network());
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
        // DL4J's own forward pass: with the native layer helpers installed it runs on oneDNN, and its
        // workspaces reuse the activations' memory from one call to the next
        INDArray out = net.output(input, false);
        float[][] probs = new float[inputs.size()][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = out.getRow(i).toFloatVector();
        }
        return probs;
    }
}
