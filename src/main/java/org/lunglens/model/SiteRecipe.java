package org.lunglens.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The parts of a training recipe aimed at films from other hospitals (site shift).
 *
 * @param normalisation the stored preprocessing's normalisation ({@link PreprocessingSpec#UNIT} or
 *                      {@link PreprocessingSpec#EQUALIZED})
 * @param photometric   chance of each photometric change ({@link PhotometricAugmenter}; 0 = off)
 * @param negatives     folders of non-COVID films from other sources, each with class sub-folders, added to a
 *                      binary model's data; half of each is trained on, a quarter validates, a quarter tests
 *                      ({@link #NEGATIVES_SPLIT}), so they stop being an external check for the half trained on
 * @param init          a model whose weights start the run (same architecture), or null for fresh weights
 * @param crop          chance of a random framing ({@link RandomCrop}; 0 = off)
 * @param border        share of each side of the input masked in the stored preprocessing
 *                      ({@link PreprocessingSpec#border}; 0 = off)
 * @param instanceNorm  CNN: how many of the first convolutions get half their channels instance-normalised
 *                      ({@link InstanceNorm}; 0 = none)
 */
public record SiteRecipe(String normalisation, double photometric, List<Path> negatives, Path init, double crop,
                         double border, int instanceNorm) {
    /** Validation and test shares of each negatives folder. */
    public static final double NEGATIVES_SPLIT = 0.25;

    public SiteRecipe {
        negatives = List.copyOf(negatives);
        PreprocessingSpec.of(32, normalisation, border); // refuses an unknown one now, not after decoding
    }

    public SiteRecipe(String normalisation, double photometric, List<Path> negatives, Path init, double crop,
                      double border) {
        this(normalisation, photometric, negatives, init, crop, border, 0);
    }

    public SiteRecipe(String normalisation, double photometric, List<Path> negatives, Path init, double crop) {
        this(normalisation, photometric, negatives, init, crop, 0);
    }

    /** The recipe of the first bundled models: plain unit inputs, no extra data, fresh weights. */
    public static SiteRecipe none() {
        return new SiteRecipe(PreprocessingSpec.UNIT, 0, List.of(), null, 0);
    }
}
