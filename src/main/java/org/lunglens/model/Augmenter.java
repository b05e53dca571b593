package org.lunglens.model;

import java.util.Random;

/**
 * Random, label-preserving changes to a preprocessed training input: a small rotation, zoom and shift
 * (one affine warp, edges replicated), brightness and contrast, and sometimes a blur. Used on the
 * training split only, on the fly, so no augmented twin can reach validation or test.
 */
public final class Augmenter implements Augmentation {
    private final double maxRotationDegrees;
    private final double maxShiftFraction;
    private final double maxZoom;

    public Augmenter(double maxRotationDegrees, double maxShiftFraction, double maxZoom) {
        this.maxRotationDegrees = maxRotationDegrees;
        this.maxShiftFraction = maxShiftFraction;
        this.maxZoom = maxZoom;
    }

    /** +-10 degrees, +-8% shift, +-10% zoom: what a chest film's positioning varies by. */
    public static Augmenter standard() {
        return new Augmenter(10, 0.08, 0.10);
    }

    /** A new augmented copy of a square input of side {@code size}; the input is not changed. */
    @Override
    public float[] apply(float[] input, int size, Random random) {
        float[] out = warp(input, size, random);
        if (random.nextDouble() < 0.25) {
            out = blur3x3(out, size);
        }
        double contrast = 1 + (random.nextDouble() * 2 - 1) * 0.2;
        double brightness = (random.nextDouble() * 2 - 1) * 0.1;
        double mean = 0;
        for (float v : out) {
            mean += v;
        }
        mean /= out.length;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, (out[i] - mean) * contrast + mean + brightness));
        }
        return out;
    }

    private float[] warp(float[] in, int size, Random random) {
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxRotationDegrees);
        double zoom = 1 + (random.nextDouble() * 2 - 1) * maxZoom;
        double dx = (random.nextDouble() * 2 - 1) * maxShiftFraction * size;
        double dy = (random.nextDouble() * 2 - 1) * maxShiftFraction * size;
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        double c = (size - 1) / 2.0;
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse mapping: where in the source does this output pixel come from?
                double ox = x - c - dx;
                double oy = y - c - dy;
                double sx = cos * ox + sin * oy + c;
                double sy = -sin * ox + cos * oy + c;
                out[y * size + x] = sample(in, size, sx, sy);
            }
        }
        return out;
    }

    /** Bilinear sample of a square input at (x, y), clamped to its edges. */
    static float sample(float[] in, int size, double x, double y) {
        double cx = Math.max(0, Math.min(size - 1, x));
        double cy = Math.max(0, Math.min(size - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(size - 1, x0 + 1);
        int y1 = Math.min(size - 1, y0 + 1);
        double tx = cx - x0;
        double ty = cy - y0;
        double top = in[y0 * size + x0] * (1 - tx) + in[y0 * size + x1] * tx;
        double bottom = in[y1 * size + x0] * (1 - tx) + in[y1 * size + x1] * tx;
        return (float) (top * (1 - ty) + bottom * ty);
    }

    private static float[] blur3x3(float[] in, int size) {
        float[] out = new float[in.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sum = 0;
                for (int ky = -1; ky <= 1; ky++) {
                    for (int kx = -1; kx <= 1; kx++) {
                        int yy = Math.max(0, Math.min(size - 1, y + ky));
                        int xx = Math.max(0, Math.min(size - 1, x + kx));
                        int w = (kx == 0 ? 2 : 1) * (ky == 0 ? 2 : 1);
                        sum += w * in[yy * size + xx];
                    }
                }
                out[y * size + x] = sum / 16f;
            }
        }
        return out;
    }
}
