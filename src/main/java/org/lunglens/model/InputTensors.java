package org.lunglens.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Packs preprocessed inputs into the NCHW tensor DL4J convolutions take. */
public final class InputTensors {
    private InputTensors() {
    }

    public static INDArray of(List<float[]> inputs, int size) {
        int plane = size * size;
        float[] flat = new float[inputs.size() * plane];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * plane, plane);
        }
        return Nd4j.create(flat, new long[] {inputs.size(), 1, size, size}, 'c');
    }
}
