package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM on a tiny CNN trained to detect a bright blob: the heat must sit on the blob. Random chance of
 * the peak landing inside the blob is its area share (under 8%), so 90% cannot happen by accident.
 */
class GradCamTest {
    private static final int BLOB = BlobImages.BLOB;
    private static LoadedModel model;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void trainBlobDetector() throws Exception {
        model = BlobImages.trainDetector(tmp, new int[] {16, 32});
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
            assertThat(grad.getDouble(idx)).as("d score / d A" + Arrays.toString(idx)).isCloseTo(numeric, within(1e-3));
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
