package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lunglens.model.Classifier;
import org.lunglens.model.DataFolder;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Evaluator;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteSample;
import org.lunglens.model.SiteShift;
import org.lunglens.model.Split;
import org.lunglens.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lunglens evaluate}: a model's metrics on a labelled data folder (or on one set of a split). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on every image in a folder's class sub-folders. For a binary model the "
                + "folder COVID is positive and every other folder negative.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (.zip)")
    Path model;

    @Option(names = "--data", required = true, description = "data folder with one sub-folder per class")
    Path data;

    @Option(names = "--split", description = "a split file written by 'train': evaluate only its --set")
    Path split;

    @Option(names = "--set", defaultValue = "test", description = "set of --split to evaluate (default: ${DEFAULT-VALUE})")
    String set;

    @Option(names = "--json", description = "also write the report as JSON")
    Path json;

    @Option(names = "--plots", paramLabel = "DIR", description = "also write the confusion matrix, the ROC curve "
            + "(binary models) and the reliability diagram as PNG files named after the model into DIR")
    Path plots;

    @Option(names = "--force", description = "replace an existing --json file LungLens did not write "
            + "(the model, the split and images are never replaced)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (plots != null && Files.exists(plots) && !Files.isDirectory(plots)) {
            System.err.println("lunglens: --plots " + plots + " is a file; give a folder (it is created if missing)");
            return 2;
        }
        if (json != null) {
            // A JSON report of ours starts with '{'; the model, the split or an image named by mistake is refused.
            new OutputGuard(force).protect(split == null ? List.of(model) : List.of(model, split))
                    .checkFile("--json", json, "{");
        }
        Nd4jSettings.forBatchInference();
        Classifier classifier = new Classifier(ModelFile.load(model));
        List<LabelledImage> images = split == null ? DataFolder.scan(data).images() : Split.readSet(split, data, set);
        if (images.isEmpty()) {
            System.err.println("lunglens: no images to evaluate in " + data + (split == null ? "" : " (set " + set + ")"));
            return 1;
        }
        InputCache cache = new InputCache(images, classifier.preprocessor(), ProgressListener.NONE);
        SiteSample site = new SiteSample(classifier.model());
        Evaluation evaluation = Evaluator.evaluate(classifier, images, cache, site);
        Evaluation.describeSkipped(evaluation.skipped()).forEach(System.err::println);
        System.out.print(EvaluationPrinter.format(evaluation));
        if (site.measurable()) {
            // A split mixes films as the training films were mixed; a folder is a site
            SiteShift shift = site.worst();
            System.out.println(shift.describe());
            if (shift.shifted()) {
                System.out.println("classify judges each folder of films this way and marks every film of a shifted "
                        + "one unfamiliar (column site_shift); the figures above are each film's own check");
            }
        }
        if (json != null) {
            ModelFile.json().writeValue(json.toFile(), evaluation.report());
            System.out.println("JSON report written to " + json);
        }
        if (plots != null && evaluation.truth().length > 0) {
            String name = evaluation.metadata().name();
            String title = name + (split == null ? ": " + data.getFileName() : ": " + set + " split");
            Plots.testPlots(evaluation, title, Files.createDirectories(plots), name);
            System.out.println("Plots written to " + plots + " (" + name + "-*.png)");
        }
        return evaluation.truth().length == 0 ? 1 : 0;
    }
}
