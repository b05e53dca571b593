package org.lunglens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lunglens.model.Calibration;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.TrainingState;

/** Writes a model's card (Markdown): data and caveats, preprocessing, architecture, training, test metrics. */
public final class ModelCard {
    private ModelCard() {
    }

    /**
     * @param baselines test reports of dense-only baselines trained on the same split, by description
     *                  (e.g. "raw pixels", "PCA(64)"); empty when none was trained
     */
    public static String render(ModelMetadata meta, Evaluation test, TrainingState state, Path modelFile,
                                Map<String, Map<String, Object>> baselines, String command) throws IOException {
        Metrics m = test.metrics();
        StringBuilder md = new StringBuilder();
        appendTitle(md, meta);
        md.append("| | |\n|---|---|\n");
        md.append("| task | ").append(meta.task()).append(meta.isBinary() ? " (COVID vs non-COVID)" : "").append(" |\n");
        md.append("| classes (output order) | ").append(String.join(", ", meta.classes())).append(" |\n");
        md.append("| architecture | ").append(meta.architecture()).append(" |\n");
        md.append("| parameters | ").append(String.format(Locale.ROOT, "%,d", meta.parameters())).append(" |\n");
        md.append("| Grad-CAM layer | ").append(meta.gradCamLayer() < 0 ? "none (no convolution)" : "layer " + meta.gradCamLayer()
                + " (the last convolution, after its ReLU)").append(" |\n");
        md.append("| preprocessing | ").append(meta.preprocessing().describe()).append(" |\n");
        md.append("| model file | `").append(modelFile.getFileName()).append("`, ")
                .append(Files.size(modelFile) / 1024).append(" KiB, SHA-256 `").append(ModelFile.sha256(modelFile)).append("` |\n\n");

        appendData(md, meta);
        md.append("## Training\n\n| | |\n|---|---|\n");
        inReadingOrder(meta.training()).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(format(v))
                .append(" |\n"));
        md.append("| machine | ").append(Machine.describe()).append(" |\n\n");
        md.append("Reproduce (from the repository root, after `mvn -B package -DskipTests`):\n\n```\n")
                .append(command).append("\n```\n\n");
        md.append("The split is in `").append(modelFile.getFileName().toString().replace(".zip", ".split.csv"))
                .append("`; evaluate on the test split with\n\n```\njava -jar target/lunglens.jar evaluate --model models/")
                .append(modelFile.getFileName()).append(" --data ").append(meta.training().get("data"))
                .append(" --split models/").append(modelFile.getFileName().toString().replace(".zip", ".split.csv"))
                .append("\n```\n\n");
        md.append("![training curves](").append(meta.name()).append("-curves.png)\n\n");

        md.append("## Test metrics (held-out test split, ").append(m.n()).append(" images, best epoch ")
                .append(state.bestEpoch()).append(" of ").append(state.epochsDone()).append(")\n\n");
        appendTestMetrics(md, meta, test);
        md.append("\n## Baseline: dense-only ANN\n\n");
        if (meta.gradCamLayer() < 0) {
            md.append("This model is the dense-only baseline itself; the CNN's card (`").append(meta.name()
                    .replaceFirst("-ann.*$", "")).append(".md`) compares the two.\n");
        } else if (baselines.isEmpty()) {
            md.append("Not trained yet for this card (train it with `--arch ann --out models/").append(meta.name())
                    .append("-ann.zip`; its test report is then picked up here).\n");
        } else {
            md.append("Same data, split, preprocessing and augmentation, dense layers only (the original work's "
                    + "design), on the held-out test split:\n\n| input | accuracy |");
            md.append(meta.isBinary() ? " sensitivity | specificity | AUC |\n|---|---|---|---|---|\n" : "\n|---|---|\n");
            baselines.forEach((input, b) -> {
                md.append("| ").append(input).append(" | ").append(format(b.get("accuracy"))).append(" |");
                if (meta.isBinary()) {
                    md.append(' ').append(format(b.get("sensitivity"))).append(" | ").append(format(b.get("specificity")))
                            .append(" | ").append(format(b.get("auc"))).append(" |");
                }
                md.append('\n');
            });
        }
        md.append("\nWhy this architecture and input size, with the measurements: [docs/MODELS.md](../docs/MODELS.md).\n");
        return md.toString();
    }

    /** The title and the intended use every card starts with. */
    static void appendTitle(StringBuilder md, ModelMetadata meta) {
        md.append("# Model card: ").append(meta.name()).append(" (version ").append(meta.version()).append(")\n\n");
        md.append("**Intended use:** teaching and research. **Not for clinical diagnosis**: not validated on ")
                .append("patients, not a medical device; it gives a second opinion to a trained reader at most.\n\n");
    }

    /** The data set and the caveats every card repeats. */
    static void appendData(StringBuilder md, ModelMetadata meta) {
        md.append("## Data\n\n");
        md.append("COVID-19 Radiography Database (M.E.H. Chowdhury et al., *IEEE Access* 2020; T. Rahman et al., ")
                .append("*Computers in Biology and Medicine* 2021), our copy at `").append(meta.training().get("data"))
                .append("`: 128x128 8-bit grayscale, COVID 3,359, Normal 9,580, Viral Pneumonia 1,258 images.\n\n");
        md.append("Caveats a reader must know:\n\n");
        md.append("- **Lung_Opacity is missing** (6,012 images of the original set could not be obtained), so the multi-class ")
                .append("model knows 3 classes, not 4. A lung opacity of another cause will be forced into one of these.\n");
        md.append("- **No answer for other diseases:** a film of a disease the model was not trained on is forced into ")
                .append("one of its classes, often with high confidence: most tuberculosis films are called COVID ")
                .append("(measured in docs/MODELS.md, \"Films of a disease the models never saw\").\n");
        md.append("- **Source confounding:** most COVID films come from a few hospitals, most Normal films from another ")
                .append("collection, and the Viral Pneumonia films are pediatric (Kermany et al.). A model can learn the site, ")
                .append("the age or burned-in markers instead of the disease (DeGrave et al., *Nat. Mach. Intell.* 2021). ")
                .append("High test scores on this data do not transfer to other hospitals. Check Grad-CAM: heat outside ")
                .append("the lungs is the tell.\n");
        md.append("- **Near-duplicates:** 246 pairs of the same film are kept on one side of the split (group-aware), ")
                .append("so the test score does not leak.\n\n");

    }

    /** Test metrics, per-class figures, the confusion matrix and the plots' links. */
    static void appendTestMetrics(StringBuilder md, ModelMetadata meta, Evaluation test) {
        Metrics m = test.metrics();
        Map<String, Object> report = test.report();
        Map<?, ?> ci = (Map<?, ?>) report.get("ci95");
        md.append("| metric | value | 95% CI |\n|---|---|---|\n");
        md.append(row("accuracy", report.get("accuracy"), ci.get("accuracy")));
        if (meta.isBinary()) {
            md.append(row("sensitivity (COVID recall)", report.get("sensitivity"), ci.get("sensitivity")));
            md.append(row("specificity", report.get("specificity"), ci.get("specificity")));
            md.append(row("ROC AUC", report.get("auc"), ci.get("auc")));
        }
        md.append(row("log loss", report.get("logLoss")));
        md.append("\n95% CI: ").append(ci.get("method")).append("; `evaluate` prints them.\n");
        md.append("\nPer class:\n\n| class | precision | recall | recall 95% CI | F1 | support |\n|---|---|---|---|---|---|\n");
        for (int c = 0; c < meta.classes().size(); c++) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s | %.4f | %d |%n", meta.classes().get(c),
                    m.precision(c), m.recall(c), m.recallInterval(c).format(), m.f1(c), m.support(c)));
        }
        md.append("\nConfusion matrix (rows = true, columns = predicted):\n\n| true \\ predicted | ")
                .append(String.join(" | ", meta.classes())).append(" |\n|---").append("|---".repeat(meta.classes().size())).append("|\n");
        for (int r = 0; r < meta.classes().size(); r++) {
            md.append("| ").append(meta.classes().get(r));
            for (long v : m.confusion()[r]) {
                md.append(" | ").append(v);
            }
            md.append(" |\n");
        }
        md.append("\n![confusion matrix](").append(meta.name()).append("-confusion.png)\n");
        if (meta.isBinary()) {
            md.append("![ROC curve](").append(meta.name()).append("-roc.png)\n");
        }
        appendCalibration(md, meta, test.calibration());
    }

    /** Whether the probabilities the reader sees are right as often as they say, bin by bin. */
    static void appendCalibration(StringBuilder md, ModelMetadata meta, Calibration c) {
        md.append("\n### Calibration (test split)\n\n");
        md.append(String.format(Locale.ROOT, "Expected calibration error %.4f, Brier score %.4f (%s). Of the films "
                + "whose top class has a probability in a bin, the share where that class is right:%n%n",
                c.expectedCalibrationError(), c.brier(), meta.isBinary() ? "of P(COVID)" : "summed over the classes"));
        md.append("| top-class probability | images | mean probability | accuracy | accuracy 95% CI |\n"
                + "|---|---|---|---|---|\n");
        for (Calibration.Bin b : c.bins()) {
            if (!b.isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.4f | %.4f | %s |%n", b.from(), b.to(),
                        b.count(), b.meanConfidence(), b.accuracy(), b.accuracyInterval().format()));
            }
        }
        md.append("\n![reliability diagram](").append(meta.name()).append("-reliability.png)\n");
    }

    /** A figure with its interval from the report ("n/a" where it is undefined). */
    static String row(String name, Object value, Object interval) {
        return "| " + name + " | " + format(value) + " | " + ConfidenceInterval.fromReport(interval).format() + " |\n";
    }

    /** A figure that has no interval. */
    static String row(String name, Object value) {
        return "| " + name + " | " + format(value) + " |  |\n";
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof float[] f) {
            List<Object> boxed = new ArrayList<>();
            for (float x : f) {
                boxed.add(x);
            }
            return format(boxed);
        }
        if (v instanceof List<?> l) {
            // A resumed run reads its facts back from JSON as lists: print them as a fresh run does
            return l.stream().map(x -> x instanceof Float || x instanceof Double
                    ? String.format(Locale.ROOT, "%.3f", ((Number) x).doubleValue()) : String.valueOf(x))
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    /** Training facts in the order a reader follows a run (the model file's JSON keeps no order); others after. */
    static Map<String, Object> inReadingOrder(Map<String, Object> facts) {
        List<String> order = List.of("data", "split", "seed", "trainImages", "validationImages", "testImages",
                "classWeights", "maxPerClassPerEpoch", "augmentation", "reduce", "optimizer", "weightAverage",
                "earlyStoppingPatience", "epochsRun", "bestEpoch", "trainingSeconds", "command");
        Map<String, Object> sorted = new LinkedHashMap<>();
        order.stream().filter(facts::containsKey).forEach(k -> sorted.put(k, facts.get(k)));
        new TreeMap<>(facts).forEach(sorted::putIfAbsent);
        return sorted;
    }
}
