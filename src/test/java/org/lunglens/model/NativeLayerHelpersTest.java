package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/**
 * The native helpers change speed only: outputs and gradients stay DL4J's own. Every way a network comes to be
 * (loaded, trained, adapted) gets them, and where DL4J refuses them a network keeps its own layers.
 */
class NativeLayerHelpersTest {
    private static final Architectures.Network NETWORK =
            Architectures.cnn(30, 3, 2, new int[] {8, 8, 16}, new float[] {1, 1, 1}, 1e-3, 7);
    private static final Architectures.Network BATCH_NORM_NETWORK =
            Architectures.cnn(24, 2, 2, new int[] {8, 8}, true, new float[] {1, 1}, 1e-3, 1.0, 3);

    private static MultiLayerNetwork init() {
        return init(NETWORK);
    }

    /** A network without the helpers. */
    private static MultiLayerNetwork init(Architectures.Network network) {
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
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

        assertThat(NativeLayerHelpers.SHARED.install(helped)).isEqualTo(expectedLayers).isPositive();
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
    void aTrainingNetworkKeepsItsConvolutionOutputsForBackpropWithTheSameGradients(@TempDir Path dir) throws Exception {
        // Its own network: other tests hand the shared one's configuration to the trainer, which changes it
        Architectures.Network network = Architectures.cnn(24, 2, 2, new int[] {8, 8}, true, new float[] {1, 1}, 1e-3,
                1.0, 3);
        MultiLayerNetwork cached = Trainer.freshNetwork(network.config().clone());
        MultiLayerNetwork recomputed = ModelFile.prepare(init(network));
        recomputed.setParams(cached.params().dup());
        assertThat(cached.getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.DEVICE);
        assertThat(recomputed.getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.NONE);

        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 24, 24);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 2);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 2, 1);
        }
        for (int step = 0; step < 2; step++) { // the second step reads what the first left in the cache
            INDArray expected = gradient(recomputed, x, y).gradient().dup();
            INDArray actual = gradient(cached, x, y).gradient().dup();
            assertThat(actual.sub(expected).amaxNumber().doubleValue())
                    .isLessThan(1e-5 * Math.max(1, expected.amaxNumber().doubleValue()));
            x = x.mul(0.5).add(0.25);
        }

        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0", ModelMetadata.BINARY,
                List.of("COVID", "Other"), PreprocessingSpec.ofSize(24), network.description(),
                cached.numParams(), network.gradCamLayer(), Map.of(), Map.of());
        ModelFile.save(cached, meta, dir.resolve("m.zip"), false);
        assertThat(ModelFile.load(dir.resolve("m.zip")).network().getLayerWiseConfigurations().getCacheMode())
                .isEqualTo(CacheMode.NONE);
    }

    private static Path saved(MultiLayerNetwork net, Path file, boolean withUpdater) throws Exception {
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0", ModelMetadata.MULTICLASS,
                List.of("a", "b", "c"), PreprocessingSpec.ofSize(30), NETWORK.description(), net.numParams(),
                NETWORK.gradCamLayer(), Map.of(), Map.of());
        ModelFile.save(net, meta, file, withUpdater);
        return file;
    }

    @Test
    void aLoadedModelRunsThroughTheHelpers(@TempDir Path dir) throws Exception {
        Path file = saved(init(), dir.resolve("m.zip"), false);

        assertThat(NativeLayerHelpers.installed(ModelFile.load(file).network())).isPositive();
    }

    @Test
    void aNewTrainingRunStartsOnTheHelpers() {
        assertThat(NativeLayerHelpers.installed(Trainer.freshNetwork(NETWORK.config()))).isPositive();
    }

    @Test
    void aResumedTrainingRunStartsOnTheHelpers(@TempDir Path dir) throws Exception {
        Path checkpoint = saved(init(), dir.resolve("m.checkpoint.zip"), true);

        assertThat(NativeLayerHelpers.installed(Trainer.checkpointNetwork(checkpoint))).isPositive();
    }

    @Test
    void aSiteAdaptedCopyRunsThroughTheHelpers() {
        MultiLayerNetwork parent = Trainer.freshNetwork(BATCH_NORM_NETWORK.config());
        Random random = new Random(4);
        List<float[]> films = new ArrayList<>();
        for (int i = 0; i < SiteAdaptation.MIN_FILMS; i++) {
            float[] film = new float[24 * 24];
            for (int p = 0; p < film.length; p++) {
                film[p] = random.nextFloat();
            }
            films.add(film);
        }

        MultiLayerNetwork adapted = SiteAdaptation.adapt(parent, films, 24);

        assertThat(adapted).isNotSameAs(parent);
        assertThat(NativeLayerHelpers.installed(adapted)).isEqualTo(NativeLayerHelpers.installed(parent)).isPositive();
    }

    @Test
    void whenDl4jRefusesTheHelpersTheNetworkKeepsItsOwnLayersAndWarnsOnce() {
        MultiLayerNetwork plain = init();
        MultiLayerNetwork fallen = init();
        fallen.setParams(plain.params().dup());
        NativeLayerHelpers broken = new NativeLayerHelpers(layerClass -> {
            throw new NoSuchFieldException(layerClass.getName() + ".helper");
        });

        List<ILoggingEvent> warnings = warningsDuring(() -> {
            assertThat(broken.install(fallen)).isZero();
            assertThat(broken.install(init())).isZero();
        });

        assertThat(NativeLayerHelpers.installed(fallen)).isZero();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 30, 30);
        assertThat(fallen.output(x, false).equalsWithEps(plain.output(x, false), 1e-6)).isTrue();
        assertThat(warnings).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("DL4J's own layers");
    }

    @Test
    void aFailureHalfwayTakesOffTheHelpersAlreadySet() {
        MultiLayerNetwork net = init(BATCH_NORM_NETWORK); // convolution first, then batch norm
        NativeLayerHelpers failsOnBatchNorm = new NativeLayerHelpers(layerClass -> {
            if (layerClass == BatchNormalization.class) {
                throw new NoSuchFieldException("helper");
            }
            Field f = layerClass.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        });

        assertThat(failsOnBatchNorm.install(net)).isZero();
        assertThat(NativeLayerHelpers.installed(net)).isZero();
    }

    /** The WARN events of NativeLayerHelpers's logger while {@code action} runs. */
    private static List<ILoggingEvent> warningsDuring(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(NativeLayerHelpers.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
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
