package org.lunglens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.EpochRecord;
import org.lunglens.model.Evaluation;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.PreprocessingSpec;
import org.lunglens.model.TrainingState;

/** The card states the test metrics and every baseline trained beside the model, in a fixed order. */
class ModelCardTest {
    private static final ModelMetadata META = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0",
            ModelMetadata.BINARY, List.of("COVID", "non-COVID"), PreprocessingSpec.ofSize(32), "CNN test", 10, 2,
            Map.of("seed", 42), Map.of());

    @Test
    void listsTheMetricsAndTheBaselines(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.zip"), "not really a model");
        // 3 images: two COVID (one missed), one non-COVID
        Evaluation test = new Evaluation(META, new int[] {0, 0, 1},
                new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.3f, 0.7f}}, Map.of());
        TrainingState state = new TrainingState(1, 0.5, List.of(new EpochRecord(1, 0.6, 0.7, 0.5, 0.66, 100, 10)), 10);
        Map<String, Map<String, Object>> baselines = new LinkedHashMap<>();
        baselines.put("raw pixels", Map.of("accuracy", 0.81, "sensitivity", 0.5, "specificity", 0.9, "auc", 0.77));
        baselines.put("principal components", Map.of("accuracy", 0.79, "sensitivity", 0.4, "specificity", 0.95, "auc", 0.75));

        String card = ModelCard.render(META, test, state, model, baselines, "java -jar lunglens.jar train ...");

        // Wilson intervals of 2/3 right, 1/2 COVID found, 1/1 non-COVID cleared (scipy's binomtest agrees); one
        // negative is too few for DeLong's AUC variance.
        assertThat(card).contains("| accuracy | 0.6667 | 0.2077-0.9385 |", "| sensitivity (COVID recall) | 0.5000 | 0.0945-0.9055 |",
                "| specificity | 1.0000 | 0.2065-1.0000 |", "| ROC AUC | 0.5000 | n/a |", "| COVID | 1.0000 | 0.5000 | 0.0945-0.9055 |");
        assertThat(card).contains("Not for clinical diagnosis", "| accuracy | 0.6667 |", "java -jar lunglens.jar train ...")
                .contains("| raw pixels | 0.8100 | 0.5000 | 0.9000 | 0.7700 |")
                .contains("| principal components | 0.7900 | 0.4000 | 0.9500 | 0.7500 |")
                .contains(ModelFile.sha256(model));
        assertThat(card.indexOf("raw pixels")).isLessThan(card.indexOf("principal components"));
        assertThat(ModelCard.render(META, test, state, model, Map.of(), "cmd")).contains("Not trained yet");
        ModelMetadata ann = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m-ann", "1.0", ModelMetadata.BINARY,
                META.classes(), META.preprocessing(), "ANN test", 10, -1, Map.of(), Map.of());
        assertThat(ModelCard.render(ann, test, state, model, Map.of(), "cmd"))
                .contains("the dense-only baseline itself", "`m.md`");
    }

    @Test
    void trainingFactsFollowTheRunNotTheFilesOrder() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("zeta", 1);
        facts.put("command", "train ...");
        facts.put("seed", 42);
        facts.put("data", "dir");

        assertThat(ModelCard.inReadingOrder(facts).keySet()).containsExactly("data", "seed", "command", "zeta");
    }

    @Test
    void aResumedRunsFactsReadBackFromJsonPrintLikeAFreshRuns() {
        assertThat(ModelCard.format(new float[] {1.4088823f, 0.49395442f})).isEqualTo("1.409, 0.494");
        assertThat(ModelCard.format(List.of(1.4088823, 0.49395442))).isEqualTo("1.409, 0.494");
        assertThat(ModelCard.format(List.of(32, 64))).isEqualTo("32, 64");
    }
}
