package org.lunglens.model;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Packs preprocessed inputs into the NCHW tensor DL4J convolutions take. */
public final class InputTensors {
    private InputTensors() {
    }

    public static INDArray of(List<float[]> inputs, int size) {
        return Nd4j.create(flatten(inputs, size), new long[] {inputs.size(), 1, size, size}, 'c');
    }

    /**
     * The same tensor, written into {@code reusable} when it has the right shape (a new one otherwise, to keep
     * for the next call). Why reuse: in ND4J 1.0.0-M2.1 an array's native memory returns only when Java's GC
     * collects it ({@code close()} does not give it back), so a new 4 MB batch each call made a long
     * {@code classify} grow by hundreds of MB between collections.
     */
    public static INDArray into(INDArray reusable, List<float[]> inputs, int size) {
        long[] shape = {inputs.size(), 1, size, size};
        INDArray target = reusable != null && Arrays.equals(reusable.shape(), shape)
                ? reusable : Nd4j.create(DataType.FLOAT, shape, 'c');
        target.data().setData(flatten(inputs, size));
        return target;
    }

    private static float[] flatten(List<float[]> inputs, int size) {
        int plane = size * size;
        float[] flat = new float[inputs.size() * plane];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * plane, plane);
        }
        return flat;
    }
}
