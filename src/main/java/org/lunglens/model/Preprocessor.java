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
    private final boolean masking;
    private final boolean normalising;

    public Preprocessor(PreprocessingSpec spec) {
        this(spec, true, true);
    }

    private Preprocessor(PreprocessingSpec spec, boolean masking, boolean normalising) {
        this.spec = spec;
        this.masking = masking;
        this.normalising = normalising;
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
     * The spec's normalisation of a resized input in [0, 1] (the input itself for "unit"), then its border mask.
     * Training applies it again after augmentation, so a network only ever sees inputs of the kind inference
     * gives it.
     */
    public float[] normalise(float[] resized) {
        int border = spec.borderPixels();
        float[] normalised = !normalising ? resized
                : spec.equalized() ? HistogramEqualisation.apply(resized, spec.size(), border)
                : spec.locallyEqualized() ? LocalEqualisation.apply(resized, spec.size()) : resized;
        return masking ? BorderMask.apply(normalised, spec.size(), border) : normalised;
    }

    /** The border mask alone. */
    public float[] mask(float[] input) {
        return BorderMask.apply(input, spec.size(), spec.borderPixels());
    }

    /**
     * This preprocessing as far as the inputs training augments: without the border mask (a shift or rotation of
     * an input masked already would carry the band's zeros into the part the model sees) and, for CLAHE, without
     * the normalisation, which is not idempotent (global equalisation is: an equalised input equalised again is
     * itself, so it stays in). Training then applies {@link #normalise} once, after augmentation; {@link
     * #fromAugmentationSource} gives the model's input from the same cache. Itself when both apply unchanged.
     */
    public Preprocessor augmentationSource() {
        return spec.borderPixels() == 0 && sourceNormalised() ? this : new Preprocessor(spec, false, sourceNormalised());
    }

    /** The model's input from {@code augmentationSource().toInput(p)}: equals {@code toInput(p)}. */
    public float[] fromAugmentationSource(float[] source) {
        return sourceNormalised() ? mask(source) : normalise(source);
    }

    /** Whether the augmentation source keeps the normalisation: only one that is idempotent, as CLAHE is not. */
    private boolean sourceNormalised() {
        return !spec.locallyEqualized();
    }
}
