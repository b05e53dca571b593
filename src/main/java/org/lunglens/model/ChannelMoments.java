package org.lunglens.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per channel, the running mean and (population) variance of a layer's activations over batches: what a batch norm
 * keeps. Summed in double, batch by batch, so that thousands of films need no more memory than one batch.
 */
final class ChannelMoments {
    private double[] sum;
    private double[] squares;
    private long count;

    /** Adds one batch of activations [batch, channels, height, width]. */
    void add(INDArray activations) {
        int channels = (int) activations.size(1);
        INDArray perChannel = activations.permute(1, 0, 2, 3).dup('c').reshape(channels, -1).castTo(DataType.DOUBLE);
        double[] s = perChannel.sum(1).toDoubleVector();
        double[] q = perChannel.mul(perChannel).sum(1).toDoubleVector();
        if (sum == null) {
            sum = new double[channels];
            squares = new double[channels];
        }
        for (int c = 0; c < channels; c++) {
            sum[c] += s[c];
            squares[c] += q[c];
        }
        count += perChannel.size(1);
    }

    /** Whether any batch was added. */
    boolean isEmpty() {
        return sum == null;
    }

    double[] mean() {
        double[] m = new double[sum.length];
        for (int c = 0; c < m.length; c++) {
            m[c] = sum[c] / count;
        }
        return m;
    }

    double[] variance() {
        double[] m = mean();
        double[] v = new double[m.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = Math.max(0, squares[c] / count - m[c] * m[c]);
        }
        return v;
    }
}
