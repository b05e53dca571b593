package org.lunglens.explain;

import java.util.List;
import org.lunglens.model.Classifier;

/**
 * "What if this region were not there?": fills a region of the model input with the input's mean and runs the
 * model again. The region is a rectangle in normalised image coordinates (0..1 across and down), so a region drawn
 * on the film at any size maps onto the model's square input as the preprocessing stretches the film onto it.
 * Call on the AI thread.
 */
public final class WhatIf {
    /**
     * @param before       probabilities of the unmasked input
     * @param after        probabilities with the region masked
     * @param maskedInput  the input the model saw the second time
     */
    public record Result(List<String> classes, float[] before, float[] after, float[] maskedInput) {
        /** Change of class {@code c}'s probability, in percentage points. */
        public double changePoints(int c) {
            return 100.0 * (after[c] - before[c]);
        }
    }

    /** A rectangle in normalised coordinates; corners in any order, clipped to the image. */
    public record Region(double x0, double y0, double x1, double y1) {
        public Region {
            double ax = clamp(Math.min(x0, x1));
            double bx = clamp(Math.max(x0, x1));
            double ay = clamp(Math.min(y0, y1));
            double by = clamp(Math.max(y0, y1));
            x0 = ax;
            x1 = bx;
            y0 = ay;
            y1 = by;
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }

        /** Input pixels whose centres lie in the region, for a {@code size x size} input. */
        public boolean[] mask(int size) {
            boolean[] m = new boolean[size * size];
            for (int y = 0; y < size; y++) {
                double cy = (y + 0.5) / size;
                for (int x = 0; x < size; x++) {
                    double cx = (x + 0.5) / size;
                    m[y * size + x] = cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
                }
            }
            return m;
        }
    }

    private final Classifier classifier;

    public WhatIf(Classifier classifier) {
        this.classifier = classifier;
    }

    public Result mask(float[] input, Region region) {
        int size = classifier.preprocessor().spec().size();
        return mask(input, region.mask(size));
    }

    public Result mask(float[] input, boolean[] mask) {
        float fill = Occlusion.mean(input);
        float[] masked = input.clone();
        for (int i = 0; i < masked.length; i++) {
            if (mask[i]) {
                masked[i] = fill;
            }
        }
        float[][] probs = classifier.predictInputs(List.of(input, masked));
        return new Result(classifier.model().metadata().classes(), probs[0], probs[1], masked);
    }
}
