package org.lunglens.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a training run records about itself in the model's metadata, and so in its card: enough to repeat it. */
final class TrainingFacts {
    private final TrainingOptions options;

    TrainingFacts(TrainingOptions options) {
        this.options = options;
    }

    /** The facts of a new run. */
    Map<String, Object> of(Split split, float[] weights) throws IOException {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("data", options.data().toString());
        facts.put("split", "80:10:10 stratified by class, near-duplicate groups kept together, seed " + options.splitSeed());
        facts.put("trainImages", split.train().size());
        facts.put("validationImages", split.validation().size());
        facts.put("testImages", split.test().size());
        facts.put("classWeights", weights);
        facts.put("augmentation", "rotation +-10 deg, shift +-8%, zoom +-10%, blur p=0.25, brightness +-0.1, "
                + "contrast x0.8-1.2" + (options.eraseProbability() > 0
                ? ", " + new RandomErasing(options.eraseProbability()).description() : "") + "; training split only");
        facts.put("optimizer", "Adam lr " + options.learningRate() + " x " + options.learningRateDecay()
                + " per epoch, L2 1e-4, batch " + options.batch());
        facts.put("maxPerClassPerEpoch", options.maxPerClass());
        facts.put("earlyStoppingPatience", options.patience());
        facts.put("seed", options.seed());
        if (options.pcaComponents() > 0) {
            facts.put("reduce", "PCA, " + options.pcaComponents() + " components fitted on the training split");
        }
        if (options.emaDecay() > 0) {
            facts.put("weightAverage", weightAverage(1));
        }
        putSiteFacts(facts);
        if (!options.command().isEmpty()) {
            facts.put("command", options.command());
        }
        return facts;
    }

    private void putSiteFacts(Map<String, Object> facts) throws IOException {
        SiteRecipe site = options.site();
        facts.put("normalisation", site.normalisation());
        if (site.border() > 0) {
            facts.put("borderMask", "the outer " + Math.round(site.border() * 100) + "% of each side of the input "
                    + "set to 0 after equalisation (stored preprocessing: inference masks it too)");
        }
        if (site.instanceNorm() > 0) {
            facts.put("instanceNorm", "half the channels of the first " + site.instanceNorm() + " convolution(s) "
                    + "instance-normalised before their batch norm (IBN-Net)");
        }
        if (site.crop() > 0) {
            facts.put("framingAugmentation", new RandomCrop(site.crop()).description());
        }
        if (site.photometric() > 0) {
            facts.put("photometricAugmentation", new PhotometricAugmenter(site.photometric()).description());
        }
        if (!site.negatives().isEmpty()) {
            facts.put("extraNegatives", site.negatives().stream().map(Object::toString).toList());
            facts.put("extraNegativesSplit", "per folder: " + (1 - 2 * SiteRecipe.NEGATIVES_SPLIT) + " train, "
                    + SiteRecipe.NEGATIVES_SPLIT + " validation, " + SiteRecipe.NEGATIVES_SPLIT + " test, seed "
                    + options.splitSeed() + " (rows under ../ in the split file)");
        }
        if (site.init() != null) {
            facts.put("initialWeights", site.init() + " (SHA-256 " + ModelFile.sha256(site.init()) + ")");
        }
    }

    /** A resumed run records its own command, and from which epoch a weight average newly asked for began. */
    Map<String, Object> resumed(ModelMetadata meta, TrainingState state) {
        Map<String, Object> facts = new LinkedHashMap<>(meta.training());
        if (options.emaDecay() > 0 && !facts.containsKey("weightAverage")) {
            facts.put("weightAverage", weightAverage(state.epochsDone() + 1));
        }
        if (!options.command().isEmpty()) {
            facts.put("command", options.command());
        }
        return facts;
    }

    private String weightAverage(int fromEpoch) {
        return "exponential moving average of the weights, decay " + options.emaDecay() + " per step, from epoch "
                + fromEpoch + "; validated and saved";
    }
}
