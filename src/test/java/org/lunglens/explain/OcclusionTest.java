package org.lunglens.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lunglens.gradcam.Heatmap;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.gradcam.BlobImages;
import org.lunglens.model.Classifier;

/**
 * Occlusion and masking on a tiny CNN trained here to detect a bright blob (as in the Grad-CAM test): hiding the
 * blob must be what hurts the "blob" probability. By chance the map's maximum would land in the blob about 8 % of
 * the time (the blob's area share), so 80 % cannot happen by accident.
 */
class OcclusionTest {
    private static final int BLOB = BlobImages.BLOB;
    private static Classifier classifier;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void trainBlobDetector() throws Exception {
        classifier = new Classifier(BlobImages.trainDetector(tmp, new int[] {16, 16, 32}));
    }

    @Test
    void theOcclusionMapsMaximumFallsInTheBlobForMostImages() {
        Occlusion occlusion = new Occlusion(classifier);
        // A patch a little smaller than the blob (21 px across), as the patch should match what the model looks for.
        Occlusion.Settings settings = new Occlusion.Settings(16, 4, 64);
        Random random = new Random(99);
        int inside = 0;
        int trials = 30;
        for (int t = 0; t < trials; t++) {
            int bx = BlobImages.randomCentre(random);
            int by = BlobImages.randomCentre(random);
            Occlusion.Result r = occlusion.compute(BlobImages.image(random, bx, by), BLOB, settings);
            assertThat(r.map().width()).isEqualTo(BlobImages.SIZE);
            int peak = argmax(r.map().values());
            if (BlobImages.inBlob(peak % BlobImages.SIZE, peak / BlobImages.SIZE, bx, by)) {
                inside++;
            }
        }
        assertThat(inside).as("maxima inside the blob, of " + trials).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * trials));
    }

    @Test
    void everyPatchPositionIsEvaluatedAndTheMapIsScaledByItsLargestFall() {
        Occlusion.Settings settings = new Occlusion.Settings(8, 4, 50);
        Occlusion.Result r = new Occlusion(classifier).compute(BlobImages.image(new Random(2), 30, 30), BLOB, settings);
        assertThat(r.passes()).isEqualTo(15 * 15); // starts 0, 4, ..., 56 on each axis
        assertThat(r.baseline()).isGreaterThan(0.5f);
        assertThat(r.map().rawMax()).isGreaterThan(0).isLessThanOrEqualTo(r.baseline());
        float max = 0;
        for (float v : r.map().values()) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        // full colour where the fall is 10 points or more; a smaller largest fall is drawn in proportion
        float expected = r.map().rawMax() < Occlusion.NEGLIGIBLE ? 0
                : (float) Math.min(1, r.map().rawMax() / Occlusion.FULL_SCALE);
        assertThat(max).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void aMapWithoutAFallIsNotDrawnAtFullBrightness() {
        Heatmap tiny = new Heatmap(2, 2, new float[4], 0.0002, 0, "COVID", "occlusion");
        assertThat(Occlusion.describeFall(tiny)).contains("0.0 points", "nothing to draw");
        Heatmap small = new Heatmap(2, 2, new float[4], 0.03, 0, "COVID", "occlusion");
        assertThat(Occlusion.describeFall(small)).contains("3.0 points", "fainter");
    }

    @Test
    void maskingTheBlobChangesTheProbabilityMoreThanMaskingAnEmptyCorner() {
        WhatIf whatIf = new WhatIf(classifier);
        Random random = new Random(7);
        double r = BlobImages.RADIUS + 1;
        double size = BlobImages.SIZE;
        for (int t = 0; t < 10; t++) {
            int bx = BlobImages.randomCentre(random);
            int by = BlobImages.randomCentre(random);
            float[] image = BlobImages.image(random, bx, by);
            WhatIf.Result blob = whatIf.mask(image, new WhatIf.Region((bx - r) / size, (by - r) / size,
                    (bx + r) / size, (by + r) / size));
            // The corner farthest from the blob, the same size as the blob's box.
            double cx = bx < size / 2 ? size - r : r;
            double cy = by < size / 2 ? size - r : r;
            WhatIf.Result corner = whatIf.mask(image, new WhatIf.Region((cx - r) / size, (cy - r) / size,
                    (cx + r) / size, (cy + r) / size));
            assertThat(blob.before()).isEqualTo(corner.before());
            assertThat(Math.abs(blob.changePoints(BLOB))).as("image %d: blob %.1f vs corner %.1f points", t,
                    blob.changePoints(BLOB), corner.changePoints(BLOB))
                    .isGreaterThan(Math.abs(corner.changePoints(BLOB)) + 10);
            assertThat(blob.after()[BLOB]).as("without its blob the image looks empty").isLessThan(0.5f);
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
