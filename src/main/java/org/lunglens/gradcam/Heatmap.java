package org.lunglens.gradcam;

import org.lunglens.imaging.Resampler;

/**
 * A class-activation map on the explained layer's grid, scaled to [0, 1] by its maximum.
 *
 * @param width       grid width (the layer's spatial width)
 * @param height      grid height
 * @param values      row-major values in [0, 1]; all zero when nothing supports the class
 * @param rawMax      the maximum before scaling (0 = the class has no positive evidence here)
 * @param classIndex  the explained class
 * @param className   its name
 * @param layer       the explained layer, described for the UI
 */
public record Heatmap(int width, int height, float[] values, double rawMax, int classIndex, String className,
                      String layer) {

    /** True when the map carries no information (an unsure or untrained model can give one). */
    public boolean isEmpty() {
        return rawMax <= 0;
    }

    /** The map resized to an image's size; cells are aligned by their centres, as the convolution grid is. */
    public float[] upsample(int imageWidth, int imageHeight) {
        return Resampler.resize(values, width, height, imageWidth, imageHeight);
    }

    /** Grid cell with the highest value, as {x, y}. */
    public int[] peak() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return new int[] {best % width, best / width};
    }
}
