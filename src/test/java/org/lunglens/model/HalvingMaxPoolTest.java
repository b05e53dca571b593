package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The faster 2x2 max pool gives DL4J's own outputs and gradients, and only takes the layers it can run. */
class HalvingMaxPoolTest {
    private static final Architectures.Network NETWORK =
            Architectures.cnn(24, 2, 2, new int[] {8, 8, 8}, true, new float[] {1, 1}, 1e-3, 1.0, 3);

    private static MultiLayerNetwork stock(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
        net.init();
        NativeLayerHelpers.SHARED.install(net);
        return net;
    }

    private static long swapped(MultiLayerNetwork net) {
        return Arrays.stream(net.getLayers()).filter(l -> l instanceof HalvingMaxPool).count();
    }

    private static INDArray[] labelled(long batch, int side) {
        Nd4j.getRandom().setSeed(21);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, side, side);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 2);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 2, 1);
        }
        return new INDArray[] {x, y};
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(9); // the same dropout mask for both networks
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @Test
    void everyPoolOfABuiltNetworkIsSwappedAndGivesDl4jsOutputsAndGradients() {
        MultiLayerNetwork plain = stock(NETWORK.config());
        MultiLayerNetwork fast = Trainer.freshNetwork(NETWORK.config().clone());
        fast.setParams(plain.params().dup());
        long pools = Arrays.stream(plain.getLayers()).filter(l -> l.getClass()
                == org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class).count();
        assertThat(pools).isPositive();
        assertThat(swapped(fast)).isEqualTo(pools);
        assertThat(NativeLayerHelpers.installed(fast)).isEqualTo(NativeLayerHelpers.installed(plain));

        for (long batch : new long[] {1, 5}) {
            INDArray[] xy = labelled(batch, 24);
            assertThat(fast.output(xy[0], false)).isEqualTo(plain.output(xy[0], false));
            for (int i = 0; i < plain.getnLayers(); i++) { // every layer's output, pools included, exactly
                assertThat(fast.feedForward(xy[0], false).get(i)).isEqualTo(plain.feedForward(xy[0], false).get(i));
            }
            INDArray expected = gradient(plain, xy[0], xy[1]);
            assertThat(gradient(fast, xy[0], xy[1]).sub(expected).amaxNumber().doubleValue())
                    .isLessThan(1e-5 * Math.max(1, expected.amaxNumber().doubleValue()));
        }
    }

    @Test
    void anOddPlaneFallsThroughToDl4jsOwnPool() {
        // 18 px: the stem's stride 2 leaves 9x9 planes for the pool, which DL4J's own pool must take
        Architectures.Network odd = Architectures.cnn(18, 2, 2, new int[] {4, 4, 4}, true, new float[] {1, 1}, 1e-3,
                1.0, 3);
        MultiLayerNetwork plain = stock(odd.config());
        MultiLayerNetwork fast = ModelFile.prepare(stock(odd.config()));
        fast.setParams(plain.params().dup());
        INDArray x = labelled(3, 18)[0];
        assertThat(fast.output(x, false)).isEqualTo(plain.output(x, false));
    }

    @Test
    void otherPoolsAreLeftToDl4j() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(1, 1).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        assertThat(HalvingMaxPool.install(net)).isZero();
        for (Layer layer : net.getLayers()) {
            assertThat(layer).isNotInstanceOf(HalvingMaxPool.class);
        }
    }

    @Test
    void aLoadedOrCopiedNetworkRunsTheFasterPool() {
        MultiLayerNetwork net = Trainer.freshNetwork(NETWORK.config().clone());
        assertThat(swapped(net)).isPositive();
        assertThat(swapped(BatchNormFolding.fold(net))).isEqualTo(swapped(net));
    }
}
