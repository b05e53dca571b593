package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.Architectures;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.PreprocessingSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grad-CAM on a tiny CNN trained to detect a bright blob: the heat must sit on the blob. Random chance of
 * the peak landing inside the blob is its area share (under 8%), so 90% cannot happen by accident.
 */
class GradCamTest {
    private static final int BLOB = 1;
    private static LoadedModel model;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void trainBlobDetector() throws Exception {
        Architectures.Network network = Architectures.cnn(BlobImages.SIZE, 2, 4, new int[] {16, 32},
                new float[] {1, 1}, 0.003, 11);
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        Random random = new Random(3);
        for (int step = 0; step < 150; step++) {
            List<float[]> inputs = new ArrayList<>();
            INDArray labels = Nd4j.zeros(32, 2);
            for (int i = 0; i < 32; i++) {
                boolean blob = i % 2 == 0;
                inputs.add(blob ? BlobImages.image(random, BlobImages.randomCentre(random), BlobImages.randomCentre(random))
                        : BlobImages.image(random, -1, -1));
                labels.putScalar(i, blob ? BLOB : 0, 1);
            }
            net.fit(new DataSet(InputTensors.of(inputs, BlobImages.SIZE), labels));
        }
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "blob", "test", ModelMetadata.MULTICLASS,
                List.of("empty", "blob"), PreprocessingSpec.ofSize(BlobImages.SIZE), network.description(),
                net.numParams(), network.gradCamLayer(), Map.of(), Map.of());
        // Through a file, as the app does: Grad-CAM must work on a reloaded network.
        ModelFile.save(net, meta, tmp.resolve("blob.zip"), false);
        model = ModelFile.load(tmp.resolve("blob.zip"));
    }

    @Test
    void heatPeakFallsInsideTheBlobForAtLeastNinetyPercentOfNewImages() {
        GradCam gradCam = new GradCam(model);
        Random random = new Random(99);
        int inside = 0;
        int trials = 60;
        for (int t = 0; t < trials; t++) {
            int bx = BlobImages.randomCentre(random);
            int by = BlobImages.randomCentre(random);
            Heatmap map = gradCam.compute(BlobImages.image(random, bx, by), BLOB);
            int[] peak = peakPixel(map);
            if (BlobImages.inBlob(peak[0], peak[1], bx, by)) {
                inside++;
            }
        }
        assertThat(inside).as("peaks inside the blob, of " + trials).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * trials));
    }

    @Test
    void heatmapMovesWithTheBlob() {
        GradCam gradCam = new GradCam(model);
        Heatmap left = gradCam.compute(BlobImages.image(new Random(1), 14, 32), BLOB);
        Heatmap right = gradCam.compute(BlobImages.image(new Random(1), 50, 32), BLOB);
        assertThat(peakPixel(left)[0]).isLessThan(32);
        assertThat(peakPixel(right)[0]).isGreaterThan(32);
        assertThat(left.values()).isNotEqualTo(right.values());
    }

    @Test
    void explainingAnotherClassGivesAnotherMap() {
        GradCam gradCam = new GradCam(model);
        float[] image = BlobImages.image(new Random(5), 20, 40);
        Heatmap blob = gradCam.compute(image, BLOB);
        Heatmap empty = gradCam.compute(image, 0);
        assertThat(blob.className()).isEqualTo("blob");
        assertThat(empty.className()).isEqualTo("empty");
        assertThat(blob.values()).isNotEqualTo(empty.values());
        // The blob is evidence *for* "blob": explaining "empty" must not put its peak there.
        int[] emptyPeak = peakPixel(empty);
        assertThat(empty.isEmpty() || !BlobImages.inBlob(emptyPeak[0], emptyPeak[1], 20, 40)).isTrue();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradCam gradCam = new GradCam(model);
        INDArray x = InputTensors.of(List.of(BlobImages.image(new Random(8), 30, 30)), BlobImages.SIZE);
        INDArray a = gradCam.activations(x);
        INDArray grad = gradCam.gradientOfScore(a, BLOB);
        assertThat(grad.shape()).isEqualTo(a.shape());
        Random random = new Random(4);
        double h = 1e-2;
        for (int t = 0; t < 12; t++) {
            long[] idx = {0, random.nextInt((int) a.size(1)), random.nextInt((int) a.size(2)), random.nextInt((int) a.size(3))};
            double original = a.getDouble(idx);
            INDArray plus = a.dup();
            plus.putScalar(idx, original + h);
            INDArray minus = a.dup();
            minus.putScalar(idx, original - h);
            double numeric = (gradCam.scoreFromActivations(plus, BLOB) - gradCam.scoreFromActivations(minus, BLOB)) / (2 * h);
            assertThat(grad.getDouble(idx)).as("d score / d A" + java.util.Arrays.toString(idx)).isCloseTo(numeric, within(1e-3));
        }
    }

    @Test
    void namesTheExplainedLayer() {
        assertThat(new GradCam(model).layerDescription()).contains("layer " + model.metadata().gradCamLayer()).contains("16x16");
    }

    /** The image pixel at the centre of the map's hottest cell. */
    private static int[] peakPixel(Heatmap map) {
        int[] cell = map.peak();
        double cellW = (double) BlobImages.SIZE / map.width();
        double cellH = (double) BlobImages.SIZE / map.height();
        return new int[] {(int) ((cell[0] + 0.5) * cellW), (int) ((cell[1] + 0.5) * cellH)};
    }
}
