package org.lunglens.model;

import java.util.Locale;
import java.util.Random;

/**
 * Random erasing (Zhong et al., AAAI 2020): with probability {@code p}, one rectangle covering 2-20% of the
 * input, of aspect ratio 0.3-3.3, is replaced with uniform noise. Why: in this data set a film's source
 * (markers, borders, devices) predicts its label; a model that cannot count on any one region being visible
 * has to spread its evidence, which should generalise better than leaning on one patch.
 */
public final class RandomErasing implements Augmentation {
    private static final double MIN_AREA = 0.02;
    private static final double MAX_AREA = 0.20;
    private static final double MIN_ASPECT = 0.3;

    private final double probability;

    public RandomErasing(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("erasing probability must be in [0, 1], not " + probability);
        }
        this.probability = probability;
    }

    /** For the model card: what this erases, from the same constants the code uses. */
    public String description() {
        return String.format(Locale.ROOT, "random erasing p=%s (one rectangle of %.0f-%.0f%% of the image "
                + "replaced by noise)", probability, MIN_AREA * 100, MAX_AREA * 100);
    }

    @Override
    public float[] apply(float[] input, int size, Random random) {
        float[] out = input.clone();
        if (random.nextDouble() >= probability) {
            return out;
        }
        double area = (MIN_AREA + random.nextDouble() * (MAX_AREA - MIN_AREA)) * size * size;
        // Log-uniform aspect ratio, so tall and wide rectangles are equally likely
        double aspect = Math.exp(Math.log(MIN_ASPECT) + random.nextDouble() * -2 * Math.log(MIN_ASPECT));
        int h = (int) Math.min(size, Math.max(1, Math.round(Math.sqrt(area * aspect))));
        int w = (int) Math.min(size, Math.max(1, Math.round(Math.sqrt(area / aspect))));
        int top = random.nextInt(size - h + 1);
        int left = random.nextInt(size - w + 1);
        for (int y = top; y < top + h; y++) {
            for (int x = left; x < left + w; x++) {
                out[y * size + x] = random.nextFloat();
            }
        }
        return out;
    }
}
