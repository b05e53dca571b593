package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The folded copy computes what the trained network computes, layer for layer. */
class BatchNormFoldingTest {
    private static MultiLayerNetwork trainedBatchNormNet(Architectures.Network network) {
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        NativeLayerHelpers.install(net);
        // A few steps on shifted, scaled inputs, so the batch-norm statistics and gamma/beta are far from 0 and 1
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 24, 24).muli(3).addi(2);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 3);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 3, 1);
        }
        for (int step = 0; step < 5; step++) {
            net.fit(x, y);
        }
        return net;
    }

    @Test
    void foldedOutputsAndGradCamActivationsMatchTheTrainedNetwork() {
        Architectures.Network network = Architectures.cnn(24, 3, 2, new int[] {8, 8, 16}, true, new float[] {1, 1, 1},
                1e-2, 1.0, 9);
        MultiLayerNetwork net = trainedBatchNormNet(network);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 24, 24).muli(3).addi(2);

        MultiLayerNetwork folded = BatchNormFolding.fold(net);

        assertThat(folded).isNotSameAs(net);
        assertThat(folded.getnLayers()).isEqualTo(net.getnLayers());
        assertThat(folded.getLayerWiseConfigurations().getConf(1).getLayer()).isInstanceOf(ActivationLayer.class);
        INDArray expected = net.output(x, false);
        assertThat(folded.output(x, false).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
        int target = network.gradCamLayer();
        INDArray a = net.feedForwardToLayer(target, x, false).get(target + 1);
        INDArray b = folded.feedForwardToLayer(target, x, false).get(target + 1);
        assertThat(b.sub(a).amaxNumber().doubleValue()).isLessThan(1e-4 * Math.max(1, a.amaxNumber().doubleValue()));
    }

    @Test
    void aNetworkWithoutBatchNormIsLeftAsItIs() {
        MultiLayerNetwork net = new MultiLayerNetwork(
                Architectures.cnn(24, 2, 2, new int[] {8, 8}, false, new float[] {1, 1}, 1e-3, 1.0, 2).config());
        net.init();

        assertThat(BatchNormFolding.fold(net)).isSameAs(net);
    }
}
