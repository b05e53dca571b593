package org.lunglens.model;

import java.util.List;
import org.lunglens.imaging.PixelData;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a loaded model on images. Not thread-safe (neither is the network): one inference thread. */
public final class Classifier {
    private final LoadedModel model;
    private final Preprocessor preprocessor;
    private final OpForward forward;

    public Classifier(LoadedModel model) {
        this.model = model;
        this.preprocessor = model.preprocessor();
        this.forward = new OpForward(model.network());
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
        INDArray out = forward.output(InputTensors.of(inputs, preprocessor.spec().size()));
        float[][] probs = new float[inputs.size()][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = out.getRow(i).toFloatVector();
        }
        return probs;
    }
}
