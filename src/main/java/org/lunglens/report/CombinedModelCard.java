package org.lunglens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lunglens.model.CombinedMember;
import org.lunglens.model.Combiner;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelFileNames;
import org.lunglens.model.ModelMetadata;

/** The card of a combined model: its networks, how they are combined, the evidence on validation, test metrics. */
public final class CombinedModelCard {
    private CombinedModelCard() {
    }

    /** Writes the card, the test report and the plots beside the model file. */
    public static void write(Combiner.Result result, Path modelFile) throws IOException {
        ModelMetadata meta = result.model().metadata();
        String base = ModelFileNames.baseName(modelFile);
        Evaluation test = result.test();
        ModelFile.json().writeValue(ModelFileNames.sibling(modelFile, ".test.json").toFile(), test.report());
        Plots.testPlots(test, meta.name() + ": test split", modelFile.toAbsolutePath().getParent(), base);
        Files.writeString(ModelFileNames.sibling(modelFile, ".md"), render(result, modelFile));
    }

    static String render(Combiner.Result result, Path modelFile) throws IOException {
        ModelMetadata meta = result.model().metadata();
        List<CombinedMember> members = meta.combinedMembers();
        String split = ModelFileNames.baseName(modelFile) + ".split.csv";
        StringBuilder md = new StringBuilder();
        ModelCard.appendTitle(md, meta);
        md.append("| | |\n|---|---|\n");
        md.append("| task | binary (COVID vs non-COVID) |\n");
        md.append("| classes (output order) | ").append(String.join(", ", meta.classes())).append(" |\n");
        md.append("| networks | ").append(String.join(", ", members.stream()
                .map(m -> m.name() + " (`" + m.name() + ".md`)").toList())).append(" |\n");
        md.append("| combination | ").append(meta.training().get("combination")).append(" |\n");
        md.append("| parameters | ").append(String.format(Locale.ROOT, "%,d", meta.parameters())).append(" (all networks) |\n");
        md.append("| Grad-CAM | each network's last convolution, maps for the combined score summed before the ReLU |\n");
        md.append("| preprocessing | ").append(meta.preprocessing().describe()).append(" (the same for every network) |\n");
        md.append("| model file | `").append(modelFile.getFileName()).append("`, ")
                .append(Files.size(modelFile) / 1024).append(" KiB, SHA-256 `").append(ModelFile.sha256(modelFile))
                .append("`; it holds every network |\n\n");

        ModelCard.appendData(md, meta);
        md.append("## How it was made\n\nNo training of its own: the networks below, trained on one split (their split files are ")
                .append("byte-identical, which `combine` checks), are run on the same input and their COVID log-odds averaged. ")
                .append("A network's own test figures are in its card.\n\n");
        md.append("| network | file | SHA-256 | task | parameters |\n|---|---|---|---|---|\n");
        for (CombinedMember m : members) {
            md.append("| ").append(m.name()).append(" | `").append(m.file()).append("` | `")
                    .append(m.sha256()).append("` | ").append(m.task()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", m.parameters())).append(" |\n");
        }
        md.append("\nReproduce (from the repository root, after `mvn -B package -DskipTests`):\n\n```\n")
                .append(meta.training().get("command")).append("\n```\n\n");
        md.append("Evaluate on the test split with\n\n```\njava -jar target/lunglens.jar evaluate --model models/")
                .append(modelFile.getFileName()).append(" --data ").append(meta.training().get("data"))
                .append(" --split models/").append(split).append("\n```\n\n");

        md.append("## Validation (").append(result.validation().truth().length)
                .append(" images): each network alone and combined\n\n")
                .append("| | accuracy | log loss | errors |\n|---|---|---|---|\n");
        for (int i = 0; i < members.size(); i++) {
            validationRow(md, members.get(i).name() + " alone (its own classes)", result.networksValidation().get(i));
        }
        validationRow(md, "**combined** (COVID vs non-COVID)", result.validation());

        md.append("\n## Test metrics (held-out test split, ").append(result.test().truth().length).append(" images)\n\n");
        ModelCard.appendTestMetrics(md, meta, result.test());
        md.append("\nWhy combine, with the measurements: [docs/MODELS.md](../docs/MODELS.md).\n");
        return md.toString();
    }

    private static void validationRow(StringBuilder md, String name, Evaluation e) {
        Metrics m = e.metrics();
        md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %d |%n", name, m.accuracy(), e.logLoss(), m.errors()));
    }
}
