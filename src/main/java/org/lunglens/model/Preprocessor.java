package org.lunglens.model;

import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.Resampler;

/**
 * The one path from decoded pixels to a model input, shared by training, evaluation, the CLI and the app.
 *
 * <p>The 16-bit rule: every sample is divided by its bit depth's full scale (65535 for 16-bit, 255 for
 * 8-bit). An 8-bit film and its 16-bit export (values x 257) therefore give the same input. Colour images
 * are reduced to BT.601 luma; non-square images are stretched to the square input, as the training data was.
 */
public final class Preprocessor {
    private final PreprocessingSpec spec;

    public Preprocessor(PreprocessingSpec spec) {
        this.spec = spec;
    }

    public PreprocessingSpec spec() {
        return spec;
    }

    /** Row-major {@code size*size} values in [0, 1]. */
    public float[] toInput(PixelData pixels) {
        int n = pixels.width() * pixels.height();
        float[] gray = new float[n];
        double scale = 1.0 / pixels.maxValue();
        for (int i = 0; i < n; i++) {
            gray[i] = (float) (pixels.luminance(i) * scale);
        }
        return normalise(Resampler.resize(gray, pixels.width(), pixels.height(), spec.size(), spec.size()));
    }

    /**
     * The spec's normalisation of a resized input in [0, 1] (the input itself for "unit"). Training applies it
     * again after augmentation, so a network only ever sees inputs of the kind inference gives it.
     */
    public float[] normalise(float[] resized) {
        return spec.equalized() ? HistogramEqualisation.apply(resized) : resized;
    }
}
