package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The op-based forward pass gives DL4J's own outputs; it is only faster. */
class OpForwardTest {
    private static MultiLayerNetwork init(Architectures.Network network) {
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        return net;
    }

    private static INDArray images(int n, int size) {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, 1, size, size);
    }

    @Test
    void cnnOutputsMatchDl4j() {
        // A stem that does not divide the image (30 / 4) exercises 'same' padding on every convolution
        MultiLayerNetwork net = init(Architectures.cnn(30, 3, 4, new int[] {8, 8, 16}, new float[] {1, 1, 1}, 1e-3, 7));
        INDArray x = images(5, 30);
        OpForward forward = new OpForward(net);

        assertThat(forward.opLayers()).isEqualTo(3);
        INDArray expected = net.output(x, false);
        assertThat(forward.output(x).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void activationsOfTheGradCamLayerMatchDl4j() {
        Architectures.Network network = Architectures.cnn(32, 2, 4, new int[] {8, 8, 16}, new float[] {1, 1}, 1e-3, 11);
        MultiLayerNetwork net = init(network);
        INDArray x = images(2, 32);

        INDArray expected = net.feedForwardToLayer(network.gradCamLayer(), x, false).get(network.gradCamLayer() + 1);
        INDArray actual = new OpForward(net).activations(x, network.gradCamLayer());

        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void denseNetworkRunsOnDl4jLayersAlone() {
        MultiLayerNetwork net = init(Architectures.ann(16, 2, new float[] {1, 1}, 5));
        INDArray x = images(3, 16);
        OpForward forward = new OpForward(net);

        assertThat(forward.opLayers()).isZero();
        assertThat(forward.output(x).sub(net.output(x, false)).amaxNumber().doubleValue()).isLessThan(1e-6);
    }
}
