package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What a LungLens model file says about itself, stored as JSON beside DL4J's entries in the zip.
 *
 * @param formatVersion  version of the file layout (readers refuse newer ones)
 * @param name           short model name, e.g. "covid-binary"
 * @param version        model version shown in the UI
 * @param task           "binary" (COVID vs the rest) or "multiclass"
 * @param classes        output classes in output order
 * @param preprocessing  how images become inputs
 * @param architecture   a readable description of the network
 * @param parameters     number of trainable parameters
 * @param gradCamLayer   index of the last convolutional layer (Grad-CAM's target)
 * @param training       how it was trained (data, split, seed, epochs, time, command)
 * @param metrics        held-out test metrics (filled after training)
 * @param familiarity    the unfamiliar-film detector fitted to this network, or null for a model without one
 * @param batchNormReference per class, the batch norms' input statistics on the training films (for adapting to a
 *                       site from films of one class), or null
 * @param siteShift      what the training films look like as a group, to tell whether a site's films taken together
 *                       are unlike them ({@link SiteShiftReference}), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(int formatVersion, String name, String version, String task, List<String> classes,
                            PreprocessingSpec preprocessing, String architecture, long parameters, int gradCamLayer,
                            Map<String, Object> training, Map<String, Object> metrics,
                            FamiliarityDetector familiarity, BatchNormReference batchNormReference,
                            SiteShiftReference siteShift) {
    public static final int FORMAT_VERSION = 1;
    /**
     * The version of a combined model file (partner networks inside, see {@link ModelFile}); a LungLens
     * that knows only version 1 then refuses the file instead of reading its first network alone.
     */
    public static final int COMBINED_FORMAT_VERSION = 2;
    public static final String BINARY = "binary";
    public static final String MULTICLASS = "multiclass";
    /** The positive class of a binary model. */
    public static final String COVID = "COVID";

    public ModelMetadata {
        classes = List.copyOf(classes);
        training = training == null ? Map.of() : Map.copyOf(training);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** Without a familiarity detector. */
    public ModelMetadata(int formatVersion, String name, String version, String task, List<String> classes,
                         PreprocessingSpec preprocessing, String architecture, long parameters, int gradCamLayer,
                         Map<String, Object> training, Map<String, Object> metrics) {
        this(formatVersion, name, version, task, classes, preprocessing, architecture, parameters, gradCamLayer,
                training, metrics, null, null, null);
    }

    public ModelMetadata withMetrics(Map<String, Object> newMetrics) {
        return new ModelMetadata(formatVersion, name, version, task, classes, preprocessing, architecture,
                parameters, gradCamLayer, training, newMetrics, familiarity, batchNormReference, siteShift);
    }

    public ModelMetadata withTraining(Map<String, Object> newTraining) {
        return new ModelMetadata(formatVersion, name, version, task, classes, preprocessing, architecture,
                parameters, gradCamLayer, newTraining, metrics, familiarity, batchNormReference, siteShift);
    }

    public ModelMetadata withFamiliarity(FamiliarityDetector detector) {
        return new ModelMetadata(formatVersion, name, version, task, classes, preprocessing, architecture,
                parameters, gradCamLayer, training, metrics, detector, batchNormReference, siteShift);
    }

    public ModelMetadata withBatchNormReference(BatchNormReference reference) {
        return new ModelMetadata(formatVersion, name, version, task, classes, preprocessing, architecture,
                parameters, gradCamLayer, training, metrics, familiarity, reference, siteShift);
    }

    public ModelMetadata withSiteShift(SiteShiftReference reference) {
        return new ModelMetadata(formatVersion, name, version, task, classes, preprocessing, architecture,
                parameters, gradCamLayer, training, metrics, familiarity, batchNormReference, reference);
    }

    /** The test report stored with the model, typed; empty for a model saved before its test evaluation. */
    public java.util.Optional<TestReport> testReport() {
        return metrics.isEmpty() ? java.util.Optional.empty() : TestReport.of(metrics);
    }

    /** The networks of a combined model, from its training facts; empty for a single network. */
    public List<CombinedMember> combinedMembers() {
        Object members = training.get("members");
        if (members == null) {
            return List.of();
        }
        return List.of(ModelFile.json().convertValue(members, CombinedMember[].class));
    }

    public boolean isBinary() {
        return BINARY.equals(task);
    }

    /** Folder names of films without a usable label (external sets have them): never counted as negatives. */
    public static final java.util.Set<String> UNLABELLED_FOLDERS = java.util.Set.of("inconclusive", "unlabeled",
            "unlabelled", "unknown");

    /** A folder whose films have no usable label: none at all, or one of {@link #UNLABELLED_FOLDERS}. */
    public static boolean isUnlabelled(String folder) {
        return folder.isEmpty() || UNLABELLED_FOLDERS.contains(folder.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The model class an image of a data folder belongs to: for a binary model, "COVID" is positive and
     * every other folder is negative; for a multi-class model the folder name itself, or -1 if unknown
     * (and for folders of unlabelled films, {@link #UNLABELLED_FOLDERS}).
     */
    public int classIndexOfFolder(String folder) {
        if (isUnlabelled(folder)) {
            return -1;
        }
        if (isBinary()) {
            return COVID.equals(folder) ? classes.indexOf(COVID) : 1 - classes.indexOf(COVID);
        }
        return classes.indexOf(folder);
    }
}
