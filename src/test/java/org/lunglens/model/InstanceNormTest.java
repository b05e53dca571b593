package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.testutil.SharedData;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class InstanceNormTest {
    @TempDir
    Path tmp;

    private static MultiLayerNetwork tiny(DataType type) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(type).seed(3).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new InstanceNorm(2))
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void leadingChannelsGetEachFilmsOwnMeanAndVarianceTheRestPassUnchanged() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4, 5, 5).muli(7).addi(Nd4j.linspace(1, 3, 3, DataType.FLOAT)
                .reshape(3, 1, 1, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new InstanceNorm(2)).setInputType(InputType.convolutional(5, 5, 4)).build());
        net.init();
        INDArray y = net.output(x);
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 2; c++) {
                INDArray plane = y.get(point(n), point(c));
                assertThat(plane.meanNumber().doubleValue()).isCloseTo(0, within(1e-5));
                assertThat(plane.varNumber().doubleValue() * 24 / 25).isCloseTo(1, within(1e-3));
            }
        }
        assertThat(y.get(all(), interval(2, 4))).isEqualTo(x.get(all(), interval(2, 4)));
    }

    @Test
    void backwardPassMatchesFiniteDifferences() {
        DataType before = Nd4j.dataType();
        DataType beforeFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // DL4J's check insists on it
        try {
            MultiLayerNetwork net = tiny(DataType.DOUBLE);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 6, 6);
            INDArray labels = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                    .labels(labels).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(before, beforeFloat);
        }
    }

    @Test
    void aTrainedNetworkWithItGivesTheSameOutputAfterReload() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 8, List.of("COVID", "Normal"));
        Path out = tmp.resolve("ibn.zip");
        TrainingOptions options = new TrainingOptions(data, "binary", out, 32, Architectures.CNN, 4,
                new int[] {8, 8, 16}, 1, 16, 10, 0, 0.003, 7, false, 0, "", true, 1.0, 0, new int[] {1}, 0, 7,
                new SiteRecipe(PreprocessingSpec.EQUALIZED, 0, List.of(), null, 0, 0, 2));
        TrainingResult result = new Trainer(options, TrainerTest.Quiet.LISTENER).train();
        LoadedModel reloaded = ModelFile.load(out);

        assertThat(reloaded.metadata().architecture()).contains("IN/2");
        assertThat(reloaded.metadata().training()).containsKey("instanceNorm");
        assertThat(reloaded.network().getLayerWiseConfigurations().getConf(1).getLayer()).isInstanceOf(InstanceNorm.class);
        var film = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png")).pixels();
        assertThat(new Classifier(reloaded).predict(film).probabilities())
                .containsExactly(new Classifier(result.model()).predict(film).probabilities());
    }
}
