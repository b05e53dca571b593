package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.TinyModel;

class InputScalingTest {
    private static final int SIZE = 16;

    /** A small batch-normalised CNN of the bundled kind, trained a few steps on noise so every parameter moved. */
    private static LoadedModel smallCnn() {
        Architectures.Network network = Architectures.cnn(SIZE, 2, 4, new int[] {4, 8, 8}, new int[] {1}, true,
                new float[] {1, 1}, 1e-2, 1.0, 3);
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        net = ModelFile.prepare(net);
        TinyModel.fitOnNoise(net, SIZE, 3);
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "small", "1.0", ModelMetadata.BINARY,
                List.of(ModelMetadata.COVID, "Normal"), PreprocessingSpec.ofSize(SIZE), network.description(),
                net.numParams(), network.gradCamLayer(), Map.of("seed", 3), Map.of());
        return new LoadedModel(null, net, meta);
    }

    @Test
    void theScaledNetworkOnAnImageGivesWhatTheOriginalGaveOnItsAreaAverage(@TempDir Path tmp) throws Exception {
        LoadedModel small = smallCnn();
        LoadedModel scaled = InputScaling.scaled(small, 2, "small-at-32", "small.zip");
        ModelFile.save(scaled.network(), scaled.metadata(), tmp.resolve("scaled.zip"), false);
        LoadedModel reloaded = ModelFile.load(tmp.resolve("scaled.zip"));

        Random random = new Random(9);
        for (int image = 0; image < 5; image++) {
            int[] samples = new int[32 * 32];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = random.nextInt(256);
            }
            PixelData film = PixelData.gray(32, 32, 8, samples);
            // The original resizes 32 -> 16 px by area average; the scaled one reads all 32 px
            float[] original = new Classifier(small).predict(film).probabilities();
            float[] viaStem = new Classifier(reloaded).predict(film).probabilities();
            assertThat(viaStem).containsExactly(original, within(1e-5f));
        }
        ModelMetadata m = reloaded.metadata();
        assertThat(m.preprocessing().size()).isEqualTo(32);
        assertThat(m.architecture()).startsWith("CNN 32x32x1 (the 16 px network, each 2x2 averaged by its stem): conv8x8/8(4)");
        assertThat(m.training()).containsEntry("seed", 3).containsKey("inputScaled");
        assertThat(m.familiarity()).isNull();
        assertThat(m.gradCamLayer()).isEqualTo(small.metadata().gradCamLayer());
    }

    @Test
    void onlyAPatchifyStemAndAWholeFactorScale() {
        assertThatThrownBy(() -> InputScaling.scaled(smallCnn(), 1, "x", "small.zip"))
                .hasMessageContaining("integer multiple");
    }
}
