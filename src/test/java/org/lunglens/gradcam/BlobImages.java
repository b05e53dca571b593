package org.lunglens.gradcam;

import java.util.Random;

/** Generated images whose class is the presence of a bright blob at a random position. */
public final class BlobImages {
    public static final int SIZE = 64;
    public static final int RADIUS = 10;

    private BlobImages() {
    }

    /** A noisy background; when {@code blobX >= 0}, a bright disc centred there. */
    public static float[] image(Random random, int blobX, int blobY) {
        float[] img = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float v = 0.3f + 0.1f * (float) random.nextGaussian();
                if (blobX >= 0 && inBlob(x, y, blobX, blobY)) {
                    v = 0.9f + 0.05f * (float) random.nextGaussian();
                }
                img[y * SIZE + x] = Math.max(0, Math.min(1, v));
            }
        }
        return img;
    }

    public static boolean inBlob(int x, int y, int blobX, int blobY) {
        int dx = x - blobX;
        int dy = y - blobY;
        return dx * dx + dy * dy <= RADIUS * RADIUS;
    }

    public static int randomCentre(Random random) {
        return RADIUS + random.nextInt(SIZE - 2 * RADIUS);
    }
}
