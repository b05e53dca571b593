package org.lunglens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lunglens.model.Evaluation;
import org.lunglens.model.ModelFile;
import org.lunglens.model.TrainingOptions;
import org.lunglens.model.TrainingResult;

/** Everything written beside a trained model: test report JSON, plots and the model card. */
public final class TrainingReports {
    private TrainingReports() {
    }

    @SuppressWarnings("unchecked")
    public static void write(TrainingOptions options, TrainingResult result, String command) throws IOException {
        Evaluation test = result.test();
        String name = options.modelName();
        ModelFile.json().writeValue(options.sibling(".test.json").toFile(), test.report());
        Plots.trainingCurves(result.state().history(), options.sibling("-curves.png"));
        Plots.testPlots(test, name + ": test split", options.out().toAbsolutePath().getParent(), name);
        // Baselines trained beside this model: --arch ann --out NAME-ann.zip, and with --reduce pca:K NAME-ann-pca.zip
        Map<String, Map<String, Object>> baselines = new LinkedHashMap<>();
        for (String suffix : List.of("-ann", "-ann-pca")) {
            Path report = options.sibling(suffix + ".test.json");
            if (Files.exists(report)) {
                baselines.put(suffix.equals("-ann") ? "raw pixels" : "principal components (`" + name + suffix
                        + ".md`)", ModelFile.json().readValue(report.toFile(), Map.class));
            }
        }
        String card = ModelCard.render(result.model().metadata(), test, result.state(), options.out(), baselines,
                command);
        Files.writeString(options.sibling(".md"), card);
    }
}
