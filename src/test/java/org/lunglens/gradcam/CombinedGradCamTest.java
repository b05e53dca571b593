package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.CovidOdds;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grad-CAM of a combined model, on the blob detector renamed as a binary COVID model ("blob" = COVID) and
 * combined with a copy of itself: the combined score is then that network's own log-odds, whose map is known.
 */
class CombinedGradCamTest {
    @TempDir
    static Path tmp;
    private static LoadedModel single;
    private static Path combined;

    @BeforeAll
    static void makeModels() throws Exception {
        LoadedModel blob = BlobImages.trainDetector(tmp, new int[] {16, 32});
        ModelMetadata m = blob.metadata();
        ModelMetadata binary = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "blob-binary", "test", ModelMetadata.BINARY,
                List.of("non-COVID", ModelMetadata.COVID), m.preprocessing(), m.architecture(), m.parameters(),
                m.gradCamLayer(), Map.of(), Map.of());
        Path file = tmp.resolve("blob-binary.zip");
        ModelFile.save(blob.network(), binary, file, false);
        Path copy = Files.copy(file, tmp.resolve("copy.zip"));
        single = ModelFile.load(file).folded();
        combined = tmp.resolve("combined.zip");
        ModelFile.saveCombined(file, List.of(copy), binary.withMetrics(Map.of()), combined);
    }

    @Test
    void gradientIsLinearInTheLogitWeights() {
        GradCam cam = new GradCam(single);
        float[] input = BlobImages.image(new Random(4), 30, 30);
        INDArray a = cam.activations(Nd4j.create(input, new long[] {1, 1, BlobImages.SIZE, BlobImages.SIZE}));
        INDArray mixed = cam.gradientOfScore(a, new float[] {-0.5f, 2f});
        INDArray expected = cam.gradientOfScore(a, 0).mul(-0.5).add(cam.gradientOfScore(a, 1).mul(2));
        assertThat(mixed.equalsWithEps(expected, 1e-5)).isTrue();
        // The rest of the forward pass from those activations gives the network's own probabilities
        float[] fromActivations = cam.probabilities(a);
        float[] own = single.network().output(Nd4j.create(input, new long[] {1, 1, BlobImages.SIZE, BlobImages.SIZE}), false)
                .toFloatVector();
        for (int c = 0; c < own.length; c++) {
            assertThat(fromActivations[c]).isCloseTo(own[c], within(1e-5f));
        }
    }

    @Test
    void combinedMapOfTwoCopiesIsTheNetworksOwnLogOddsMap() throws Exception {
        ModelSession session = ModelSession.open(combined);
        assertThat(session.info().gradCamLayer()).endsWith("of each of its 2 networks, their maps summed");
        PixelData pixels = toPixels(BlobImages.image(new Random(6), 20, 40));
        GradCam cam = new GradCam(single);
        for (int cls : new int[] {1, 0}) {
            Analysis analysis = session.analyse(pixels, cls);
            INDArray a = cam.activations(analysis.input());
            float[] w = CovidOdds.logOddsGradient(cam.probabilities(a), 1);
            if (cls == 0) {
                w[0] = -w[0];
                w[1] = -w[1];
            }
            Heatmap expected = GradCam.heatmap(cam.rawMap(a, w), cls, "x", "x");
            assertThat(analysis.heatmap().className()).isEqualTo(List.of("non-COVID", "COVID").get(cls));
            assertThat(analysis.heatmap().isEmpty()).isFalse();
            assertThat(analysis.heatmap().rawMax()).isCloseTo(expected.rawMax(), within(1e-4));
            for (int i = 0; i < expected.values().length; i++) {
                assertThat(analysis.heatmap().values()[i]).isCloseTo(expected.values()[i], within(1e-4f));
            }
            // The reading of two copies is the network's own
            assertThat(analysis.prediction().probabilities()[1]).isCloseTo(cam.probabilities(a)[1], within(1e-4f));
        }
    }

    @Test
    void networksSideBySideGiveWhatTheyGiveOneAfterTheOther() throws Exception {
        LoadedModel model = ModelFile.load(combined).folded();
        CombinedGradCam oneLane = new CombinedGradCam(model, new NetworkLanes(2, 1));
        CombinedGradCam twoLanes = new CombinedGradCam(model, new NetworkLanes(2, 2));
        float[] input = BlobImages.image(new Random(9), 25, 35);
        for (int cls : new int[] {0, 1}) {
            HeatmapSource.Pass sequential = oneLane.forward(input);
            HeatmapSource.Pass parallel = twoLanes.forward(input);
            assertThat(parallel.probabilities()).containsExactly(sequential.probabilities());
            assertThat(parallel.explain(cls).values()).containsExactly(sequential.explain(cls).values());
        }
    }

    @Test
    void networksExplainingDifferentGridsAreSummedOnTheFinest() throws Exception {
        // A deeper partner (one more pooled block) explains a grid half as fine: a 64 px network read at 128 px
        LoadedModel deep = BlobImages.trainDetector(Files.createDirectories(tmp.resolve("deep")), new int[] {16, 32, 32});
        ModelMetadata m = deep.metadata();
        Path deepFile = tmp.resolve("deep-binary.zip");
        ModelFile.save(deep.network(), new ModelMetadata(ModelMetadata.FORMAT_VERSION, "deep-binary", "test",
                ModelMetadata.BINARY, List.of("non-COVID", ModelMetadata.COVID), m.preprocessing(), m.architecture(),
                m.parameters(), m.gradCamLayer(), Map.of(), Map.of()), deepFile, false);
        Path mixed = tmp.resolve("mixed.zip");
        ModelFile.saveCombined(tmp.resolve("blob-binary.zip"), List.of(deepFile), single.metadata(), mixed);
        LoadedModel model = ModelFile.load(mixed).folded();
        float[] input = BlobImages.image(new Random(5), 22, 30);

        Heatmap map = new CombinedGradCam(model, new NetworkLanes(2, 1)).forward(input).explain(1);

        GradCam fine = new GradCam(model.networks().get(0));
        GradCam coarse = new GradCam(model.networks().get(1));
        INDArray x = Nd4j.create(input, new long[] {1, 1, BlobImages.SIZE, BlobImages.SIZE});
        GradCam.RawMap a = fine.rawMap(fine.activations(x), half(CovidOdds.logOddsGradient(fine.probabilities(fine.activations(x)), 1)));
        GradCam.RawMap b = coarse.rawMap(coarse.activations(x), half(CovidOdds.logOddsGradient(coarse.probabilities(coarse.activations(x)), 1)));
        assertThat(b.width()).isEqualTo(a.width() / 2);
        float[] enlarged = org.lunglens.imaging.Resampler.resize(b.values(), b.width(), b.height(), a.width(), a.height());
        float[] sum = a.values().clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += enlarged[i];
        }
        Heatmap expected = GradCam.heatmap(new GradCam.RawMap(a.width(), a.height(), sum), 1, "COVID", "x");
        assertThat(map.width()).isEqualTo(a.width());
        assertThat(map.values()).containsExactly(expected.values(), within(1e-4f));
    }

    private static float[] half(float[] weights) {
        for (int j = 0; j < weights.length; j++) {
            weights[j] /= 2;
        }
        return weights;
    }

    /** An 8-bit gray image whose preprocessing gives back {@code input} (to 1/255). */
    private static PixelData toPixels(float[] input) {
        int[] values = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            values[i] = Math.round(input[i] * 255);
        }
        return PixelData.gray(BlobImages.SIZE, BlobImages.SIZE, 8, values);
    }
}
