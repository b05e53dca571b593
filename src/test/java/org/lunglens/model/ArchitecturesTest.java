package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    private static long convolutions(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream()
                .filter(c -> c.getLayer() instanceof ConvolutionLayer).count();
    }

    @Test
    void convsRepeatEachBlocksConvolutionAndGradCamExplainsTheLastOne() {
        Architectures.Network deep = Architectures.cnn(32, 3, 4, new int[] {8, 8, 16}, new int[] {1, 3}, true,
                new float[] {1, 1, 1}, 1e-3, 1.0, 5);
        MultiLayerNetwork net = new MultiLayerNetwork(deep.config());
        net.init();

        assertThat(convolutions(net)).isEqualTo(1 + 1 + 3);
        assertThat(deep.description()).contains("conv3x3(16)+BN+ReLU conv3x3(16)+BN+ReLU conv3x3(16)+BN+ReLU");
        // Grad-CAM's layer is the ReLU after the last convolution, right before global pooling
        assertThat(net.getLayerWiseConfigurations().getConf(deep.gradCamLayer()).getLayer())
                .isInstanceOf(ActivationLayer.class);
        assertThat(net.getLayerWiseConfigurations().getConf(deep.gradCamLayer() - 2).getLayer())
                .isInstanceOf(ConvolutionLayer.class);
        assertThat(net.getLayerWiseConfigurations().getConf(deep.gradCamLayer() + 1).getLayer().getClass().getSimpleName())
                .isEqualTo("GlobalPoolingLayer");
    }

    @Test
    void oneCountAppliesToEveryBlock() {
        Architectures.Network two = Architectures.cnn(32, 2, 4, new int[] {8, 8, 16}, new int[] {2}, false,
                new float[] {1, 1}, 1e-3, 1.0, 5);
        MultiLayerNetwork net = new MultiLayerNetwork(two.config());
        net.init();
        assertThat(convolutions(net)).isEqualTo(1 + 2 + 2);
    }

    @Test
    void convsMustMatchTheBlocks() {
        assertThatThrownBy(() -> Architectures.cnn(32, 2, 4, new int[] {8, 8, 16}, new int[] {1, 1, 1}, false,
                new float[] {1, 1}, 1e-3, 1.0, 5)).hasMessageContaining("one per 3x3 block (2)");
        assertThatThrownBy(() -> Architectures.cnn(32, 2, 4, new int[] {8, 8, 16}, new int[] {0}, false,
                new float[] {1, 1}, 1e-3, 1.0, 5)).hasMessageContaining("at least one");
    }
}
