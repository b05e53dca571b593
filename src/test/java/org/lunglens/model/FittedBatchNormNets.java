package org.lunglens.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Batch-norm CNNs fitted a few steps, for tests that need statistics and gamma/beta away from 0 and 1. */
final class FittedBatchNormNets {
    private FittedBatchNormNets() {
    }

    /** n single-channel images, values in [2, 5): far from zero mean and unit variance, so untouched statistics show. */
    static INDArray shiftedInputs(long seed, int n, int size) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 1, size, size).muli(3).addi(2);
    }

    /** The network with the native helpers, fitted {@code steps} times on x with labels cycling through the classes. */
    static MultiLayerNetwork fit(Architectures.Network network, int classes, INDArray x, int steps) {
        MultiLayerNetwork net = Trainer.freshNetwork(network.config());
        INDArray y = Nd4j.zeros(DataType.FLOAT, x.size(0), classes);
        for (int i = 0; i < x.size(0); i++) {
            y.putScalar(i, i % classes, 1);
        }
        net.getLayerWiseConfigurations().setEpochCount(0);
        for (int i = 0; i < steps; i++) {
            net.fit(new DataSet(x, y));
        }
        return net;
    }
}
