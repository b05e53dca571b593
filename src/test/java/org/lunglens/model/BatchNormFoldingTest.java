package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The folded copy computes what the trained network computes, layer for layer. */
class BatchNormFoldingTest {
    @Test
    void foldedOutputsAndGradCamActivationsMatchTheTrainedNetwork() {
        Architectures.Network network = Architectures.cnn(24, 3, 2, new int[] {8, 8, 16}, true, new float[] {1, 1, 1},
                1e-2, 1.0, 9);
        // A few steps, so the batch-norm statistics and gamma/beta are far from 0 and 1
        MultiLayerNetwork net = FittedBatchNormNets.fit(network, 3, FittedBatchNormNets.shiftedInputs(6, 16, 24), 5);
        INDArray x = FittedBatchNormNets.shiftedInputs(7, 5, 24);

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
