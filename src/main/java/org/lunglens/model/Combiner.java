package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a combined binary model from trained model files ({@link CovidOdds}), evaluates it on the split
 * its networks were trained on and writes it with its split beside it. The networks must share one split:
 * a partner trained on another split may have learned the first network's test films, and the combined
 * test score would leak.
 */
public final class Combiner {
    /** The written model and its figures on the shared split's validation and test sets. */
    public record Result(LoadedModel model, Evaluation validation, Evaluation test, List<Evaluation> networksValidation) {
    }

    private Combiner() {
    }

    /** The split file {@code train} writes beside a model: NAME.split.csv for NAME.zip. */
    public static Path splitFileOf(Path modelFile) {
        return ModelFileNames.sibling(modelFile, ".split.csv");
    }

    public static Result combine(Path primary, List<Path> partners, Path data, Path out, String command,
                                 ProgressListener progress) throws IOException, ModelLoadException {
        Path split = splitFileOf(primary);
        if (!Files.isRegularFile(split)) {
            throw new ModelLoadException(primary + ": its split file " + split.getFileName() + " is missing");
        }
        for (Path partner : partners) {
            Path other = splitFileOf(partner);
            if (!Files.isRegularFile(other) || Files.mismatch(split, other) != -1) {
                throw new ModelLoadException(partner + " was not trained on the split of " + primary.getFileName()
                        + " (" + other.getFileName() + " differs or is missing): it may have seen that model's test"
                        + " films, so a combined test score would not be honest");
            }
        }
        LoadedModel first = ModelFile.load(primary);
        if (first.isCombined()) {
            throw new ModelLoadException(primary + " is already a combined model: combine the networks it was made from");
        }
        List<LoadedModel> others = new ArrayList<>();
        for (Path partner : partners) {
            others.add(ModelFile.load(partner));
        }
        ModelFile.checkCombinable(out, first.metadata(), others);

        ModelMetadata meta = metadata(first, others, partners, primary, out, command);
        LoadedModel combined = new LoadedModel(out, first.network(), meta, others);
        List<LabelledImage> validationSet = Split.readSet(split, data, Split.VALIDATION);
        List<LabelledImage> testSet = Split.readSet(split, data, Split.TEST);
        List<LabelledImage> all = new ArrayList<>(validationSet);
        all.addAll(testSet);
        InputCache cache = new InputCache(all, combined.preprocessor(), progress);
        Classifier classifier = new Classifier(combined);
        Evaluation validation = Evaluator.evaluate(classifier, validationSet, cache);
        Evaluation test = Evaluator.evaluate(classifier, testSet, cache);
        // Each network alone on the validation set: the evidence for combining them, for the card
        List<Evaluation> networksValidation = new ArrayList<>();
        for (LoadedModel network : combined.networks()) {
            networksValidation.add(Evaluator.evaluate(new Classifier(network), validationSet, cache));
        }

        Map<String, Object> training = new LinkedHashMap<>(meta.training());
        training.put("validationImages", validation.truth().length);
        training.put("testImages", test.truth().length);
        training.put("validation", String.format(Locale.ROOT, "accuracy %.4f, log loss %.4f",
                validation.metrics().accuracy(), validation.logLoss()));
        meta = meta.withTraining(training).withMetrics(test.report());
        ModelFile.saveCombined(primary, partners, meta, out);
        Files.copy(split, splitFileOf(out), StandardCopyOption.REPLACE_EXISTING);
        return new Result(new LoadedModel(out, first.network(), meta, others), validation, test, networksValidation);
    }

    private static ModelMetadata metadata(LoadedModel first, List<LoadedModel> others, List<Path> partnerFiles,
                                          Path primaryFile, Path out, String command) throws IOException {
        List<LoadedModel> networks = new ArrayList<>();
        networks.add(first);
        networks.addAll(others);
        List<Path> files = new ArrayList<>();
        files.add(primaryFile);
        files.addAll(partnerFiles);
        List<CombinedMember> members = new ArrayList<>();
        long parameters = 0;
        for (int i = 0; i < networks.size(); i++) {
            ModelMetadata m = networks.get(i).metadata();
            members.add(new CombinedMember(m.name(), files.get(i).getFileName().toString(),
                    ModelFile.sha256(files.get(i)), m.task(), m.classes(), m.parameters()));
            parameters += m.parameters();
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", first.metadata().training().get("data"));
        training.put("split", "the networks' shared split (" + splitFileOf(primaryFile).getFileName() + "), copied as "
                + splitFileOf(out).getFileName());
        training.put("combination", "mean of the networks' COVID log-odds (geometric mean of their odds); "
                + "a multi-class network's odds are P(COVID) against the sum of its other classes");
        training.put("members", members);
        training.put("command", command);
        String name = ModelFileNames.baseName(out);
        List<String> parts = new ArrayList<>();
        for (LoadedModel n : networks) {
            parts.add(n.metadata().name() + ": " + n.metadata().architecture());
        }
        String architecture = networks.size() + " networks, their COVID log-odds averaged. " + String.join("; ", parts);
        ModelMetadata p = first.metadata();
        return new ModelMetadata(ModelMetadata.COMBINED_FORMAT_VERSION, name, "1.0", ModelMetadata.BINARY,
                p.classes(), p.preprocessing(), architecture, parameters, p.gradCamLayer(), training, Map.of(),
                p.familiarity(), p.batchNormReference(), p.siteShift()); // the first network's, as its checks
    }
}
