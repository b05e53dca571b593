package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One network adapted to a site's films ({@code lunglens adapt}), with its familiarity and site-shift checks refitted
 * on them. A combined model is adapted network by network.
 *
 * @param siteCheck null when the films are too few to judge a folder
 */
public record AdaptedNetwork(MultiLayerNetwork network, FamiliarityDetector check, SiteShiftReference siteCheck) {
    /**
     * {@code parent} adapted to {@code inputs}: for a sample of {@code mix} (one share per class) when given, else
     * plain AdaBN on the first {@code depth} batch norms; {@code source} names the films in the checks' records.
     */
    public static AdaptedNetwork of(LoadedModel parent, List<float[]> inputs, int size, double[] mix, int depth,
                                    String source) {
        ModelMetadata pm = parent.metadata();
        MultiLayerNetwork net = mix != null
                ? SiteAdaptation.adaptToMix(parent.network(), inputs, size, pm.batchNormReference(), mix)
                : SiteAdaptation.adapt(parent.network(), inputs, size, depth);
        return new AdaptedNetwork(net, SiteAdaptation.refitFamiliarity(net, inputs, size, source),
                SiteAdaptation.refitSiteShift(net, inputs, size, source));
    }

    /**
     * Its metadata: {@code base}'s with the adaptation's record, these checks, and no test metrics (the parent's
     * record does not describe it on the site's films) nor batch-norm reference (that describes the parent's statistics).
     */
    public ModelMetadata metadata(String name, ModelMetadata base, Map<String, Object> adaptation) {
        Map<String, Object> training = new LinkedHashMap<>(base.training());
        training.put("adaptation", adaptation);
        return new ModelMetadata(base.formatVersion(), name, base.version() + "+adapted", base.task(), base.classes(),
                base.preprocessing(), base.architecture(), base.parameters(), base.gradCamLayer(), training, Map.of(),
                check, null, siteCheck);
    }

    public void save(ModelMetadata metadata, Path file) throws IOException {
        ModelFile.save(network, metadata, file, false);
    }
}
