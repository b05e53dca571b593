package org.lunglens.model;

import java.util.Locale;
import java.util.Random;

/**
 * Random changes to how a film looks rather than what it shows: a grey-value gamma, a blur or a sharpening
 * of random strength, and sensor-like noise. Why: other hospitals' films differ from the training data in
 * exactly these (detector, processing, export), and a network that has seen them vary cannot use them to
 * recognise a site.
 */
public final class PhotometricAugmenter implements Augmentation {
    private static final double MAX_LOG_GAMMA = Math.log(1.8);
    private static final double MAX_NOISE = 0.04;

    private final double probability;

    /** @param probability chance of each of the three changes, drawn independently */
    public PhotometricAugmenter(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("photometric probability must be in [0, 1], not " + probability);
        }
        this.probability = probability;
    }

    public String description() {
        return String.format(Locale.ROOT, "photometric p=%s each: gamma %.2f-%.2f, blur or unsharp mask of random "
                + "strength, Gaussian noise sd up to %.2f", probability, Math.exp(-MAX_LOG_GAMMA),
                Math.exp(MAX_LOG_GAMMA), MAX_NOISE);
    }

    @Override
    public float[] apply(float[] input, int size, Random random) {
        float[] out = input.clone();
        if (random.nextDouble() < probability) {
            double gamma = Math.exp((random.nextDouble() * 2 - 1) * MAX_LOG_GAMMA);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.pow(Math.max(0f, Math.min(1f, out[i])), gamma);
            }
        }
        if (random.nextDouble() < probability) {
            float[] blurred = Filters.boxBlur3x3(out, size);
            // amount < 0 blurs (towards the blurred copy), > 0 sharpens (away from it)
            double amount = random.nextBoolean() ? -random.nextDouble() : random.nextDouble() * 1.5;
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.max(0, Math.min(1, out[i] + amount * (out[i] - blurred[i])));
            }
        }
        if (random.nextDouble() < probability) {
            double sd = random.nextDouble() * MAX_NOISE;
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.max(0, Math.min(1, out[i] + random.nextGaussian() * sd));
            }
        }
        return out;
    }

    /** The small filter the augmentation needs; kept here as nothing else in the model package blurs. */
    static final class Filters {
        private Filters() {
        }

        static float[] boxBlur3x3(float[] in, int size) {
            float[] out = new float[in.length];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float sum = 0;
                    for (int ky = -1; ky <= 1; ky++) {
                        int yy = Math.max(0, Math.min(size - 1, y + ky));
                        for (int kx = -1; kx <= 1; kx++) {
                            sum += in[yy * size + Math.max(0, Math.min(size - 1, x + kx))];
                        }
                    }
                    out[y * size + x] = sum / 9f;
                }
            }
            return out;
        }
    }
}
