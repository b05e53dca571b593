package org.lunglens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lunglens.model.Classifier;
import org.lunglens.model.DataFolder;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Evaluator;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.PairedComparison;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lunglens compare}: two models on the same images, with paired tests of their difference. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Evaluate two models with the same classes on the same images and test whether they differ: "
                + "McNemar's exact test on the images only one gets right, DeLong's paired test on the ROC AUC "
                + "(binary models). Choose between models on --set validation; the test set is for reporting.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "first model file (.zip)")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "second model file (.zip)")
    Path second;

    @Option(names = "--data", required = true, description = "data folder with one sub-folder per class")
    Path data;

    @Option(names = "--split", description = "a split file written by 'train': compare on its --set only")
    Path split;

    @Option(names = "--set", defaultValue = "validation",
            description = "set of --split to compare on (default: ${DEFAULT-VALUE})")
    String set;

    @Option(names = "--json", description = "also write both reports and the paired tests as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        Nd4jSettings.forBatchInference();
        List<LabelledImage> images = split == null ? DataFolder.scan(data).images() : Split.readSet(split, data, set);
        if (images.isEmpty()) {
            System.err.println("lunglens: no images to compare on in " + data + (split == null ? "" : " (set " + set + ")"));
            return 1;
        }
        Classifier firstModel = new Classifier(ModelFile.load(first));
        Classifier secondModel = new Classifier(ModelFile.load(second));
        List<String> classes = firstModel.model().metadata().classes();
        if (!classes.equals(secondModel.model().metadata().classes())) {
            System.err.println("lunglens: cannot compare " + first + " and " + second + ": the models have different "
                    + "classes, " + classes + " and " + secondModel.model().metadata().classes());
            return 2;
        }
        Evaluation a = evaluate(firstModel, images);
        Evaluation b = evaluate(secondModel, images);
        Evaluation.describeSkipped(a.skipped()).forEach(System.err::println);
        PairedComparison paired = PairedComparison.of(a, b);
        System.out.print(format(a, b, paired, split == null ? data.toString() : "the " + set + " set of " + split));
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("A", a.report());
            report.put("B", b.report());
            report.put("paired", paired.toMap());
            ModelFile.json().writeValue(json.toFile(), report);
            System.out.println("JSON report written to " + json);
        }
        return 0;
    }

    private static Evaluation evaluate(Classifier classifier, List<LabelledImage> images) {
        return Evaluator.evaluate(classifier, images, new InputCache(images, classifier.preprocessor(), ProgressListener.NONE));
    }

    static String format(Evaluation a, Evaluation b, PairedComparison p, String where) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Compared on %s: %d images, classes %s%n%n", where, a.truth().length,
                String.join(", ", a.metadata().classes())));
        boolean binary = a.metadata().isBinary();
        sb.append(String.format(Locale.ROOT, "   %-22s %8s %6s %9s%s%n", "model", "accuracy", "errors", "log loss",
                binary ? String.format(Locale.ROOT, " %11s %11s %8s", "sensitivity", "specificity", "ROC AUC") : ""));
        row(sb, "A", a);
        row(sb, "B", b);
        sb.append(String.format(Locale.ROOT, "%nOnly A wrong: %d images; only B wrong: %d. McNemar exact p = %.4f%n",
                p.onlyFirstWrong(), p.onlySecondWrong(), p.mcNemarP()));
        if (!Double.isNaN(p.aucDifference())) {
            sb.append(String.format(Locale.ROOT, "ROC AUC, A - B: %+.4f (95%% CI %+.4f to %+.4f); DeLong paired p = %s%n",
                    p.aucDifference(), p.aucDifferenceInterval().lower(), p.aucDifferenceInterval().upper(),
                    Double.isNaN(p.aucP()) ? "n/a" : String.format(Locale.ROOT, "%.4f", p.aucP())));
        }
        sb.append(p.mcNemarP() < 0.05 ? "The accuracies differ by more than chance on these images (p < 0.05).\n"
                : "On these images the accuracies do not differ by more than chance (p >= 0.05).\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, Evaluation e) {
        Metrics m = e.metrics();
        Map<String, Object> r = e.report();
        sb.append(String.format(Locale.ROOT, "%s  %-22s %8.4f %6d %9.4f", label, e.metadata().name(), m.accuracy(), m.errors(),
                e.logLoss()));
        if (e.metadata().isBinary()) {
            sb.append(String.format(Locale.ROOT, " %11s %11s %8s", num(r.get("sensitivity")), num(r.get("specificity")),
                    num(r.get("auc"))));
        }
        sb.append('\n');
    }

    private static String num(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "n/a";
    }
}
