package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The native helpers change speed only: outputs and gradients stay DL4J's own. */
class NativeLayerHelpersTest {
    private static final Architectures.Network NETWORK =
            Architectures.cnn(30, 3, 2, new int[] {8, 8, 16}, new float[] {1, 1, 1}, 1e-3, 7);

    private static MultiLayerNetwork init() {
        MultiLayerNetwork net = new MultiLayerNetwork(NETWORK.config());
        net.init();
        return net;
    }

    private static Gradient gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(9); // the same dropout mask for both networks
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient();
    }

    @Test
    void outputsAndGradientsMatchDl4jsOwnPath() {
        MultiLayerNetwork plain = init();
        MultiLayerNetwork helped = init();
        helped.setParams(plain.params().dup());
        int expectedLayers = (int) NETWORK.config().getConfs().stream()
                .filter(c -> c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer
                        || c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer
                        || c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization)
                .count();

        assertThat(NativeLayerHelpers.install(helped)).isEqualTo(expectedLayers).isPositive();
        assertThat(NativeLayerHelpers.installed(helped)).isEqualTo(expectedLayers);
        assertThat(NativeLayerHelpers.installed(plain)).isZero();

        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 30, 30);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        assertThat(helped.output(x, false).sub(plain.output(x, false)).amaxNumber().doubleValue()).isLessThan(1e-5);

        INDArray expected = gradient(plain, x, y).gradient();
        INDArray actual = gradient(helped, x, y).gradient();
        assertThat(helped.score()).isCloseTo(plain.score(), org.assertj.core.data.Offset.offset(1e-5));
        double scale = expected.amaxNumber().doubleValue();
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-4 * Math.max(1, scale));
    }

    @Test
    void aLoadedModelRunsThroughTheHelpers(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = init();
        Path file = dir.resolve("m.zip");
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0", ModelMetadata.MULTICLASS,
                List.of("a", "b", "c"), PreprocessingSpec.ofSize(30), NETWORK.description(), net.numParams(),
                NETWORK.gradCamLayer(), Map.of(), Map.of());
        ModelFile.save(net, meta, file, false);

        assertThat(NativeLayerHelpers.installed(ModelFile.load(file).network())).isPositive();
    }

    @Test
    void batchNormRunningStatisticsFollowTheTrainingData() {
        Architectures.Network network = Architectures.cnn(24, 2, 2, new int[] {8, 8}, true, new float[] {1, 1}, 1e-3,
                1.0, 3);
        INDArray x = FittedBatchNormNets.shiftedInputs(4, 16, 24);
        MultiLayerNetwork net = FittedBatchNormNets.fit(network, 2, x, 60);
        int afterFirstNorm = 2; // conv, batch norm, ReLU
        INDArray inference = net.feedForwardToLayer(afterFirstNorm, x, false).get(afterFirstNorm + 1);
        INDArray training = net.feedForwardToLayer(afterFirstNorm, x, true).get(afterFirstNorm + 1);
        // The running statistics trail the weights a little; untouched ones (mean 0, variance 1) miss by far more
        double scale = training.amaxNumber().doubleValue();
        assertThat(inference.sub(training).amaxNumber().doubleValue()).isLessThan(0.1 * scale);
    }
}
