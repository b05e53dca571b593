package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lunglens.model.BundledModels;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.ModelFile;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;

/**
 * The committed models are the ones their cards describe: the card's SHA-256 is the file's, and
 * {@code evaluate} on the committed test split reproduces the test report the card was written from.
 */
class BundledModelsTest {
    private static final Path MODELS = Path.of("models");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @ParameterizedTest
    @ValueSource(strings = {BundledModels.TWO_RESOLUTIONS, BundledModels.EQUALIZED, BundledModels.BINARY, BundledModels.MULTICLASS, BundledModels.COMBINED})
    void cardHashAndTestFiguresMatchTheCommittedModel(String file) throws Exception {
        Path model = MODELS.resolve(file);
        String name = file.replaceFirst("\\.zip$", "");

        assertThat(Files.readString(MODELS.resolve(name + ".md"))).contains("SHA-256 `" + ModelFile.sha256(model) + "`");

        Path json = dir.resolve("eval.json");
        int code = LungLensCommand.run("evaluate", "--model", model.toString(), "--data",
                SharedData.radiography().toString(), "--split", MODELS.resolve(name + ".split.csv").toString(),
                "--json", json.toString());
        assertThat(code).as(console.err()).isZero();
        JsonNode now = JSON.readTree(json.toFile());
        JsonNode card = JSON.readTree(MODELS.resolve(name + ".test.json").toFile());
        assertThat(now.get("n").asInt()).isEqualTo(card.get("n").asInt()).isPositive();
        assertThat(now.get("confusion")).isEqualTo(card.get("confusion"));
        assertThat(now.get("accuracy").asDouble()).isEqualTo(card.get("accuracy").asDouble());
        if (card.hasNonNull("auc")) {
            assertThat(now.get("auc").asDouble()).isCloseTo(card.get("auc").asDouble(), within(1e-4));
        }

        // The card states each figure with its 95% interval, as evaluate prints and writes it.
        JsonNode accuracy = now.get("ci95").get("accuracy");
        assertThat(accuracy.get(0).asDouble()).isLessThan(now.get("accuracy").asDouble());
        assertThat(accuracy.get(1).asDouble()).isGreaterThan(now.get("accuracy").asDouble());
        String range = ConfidenceInterval.fromReport(List.of(accuracy.get(0).asDouble(), accuracy.get(1).asDouble())).format();
        assertThat(console.out()).contains("95% CI " + range);
        assertThat(Files.readString(MODELS.resolve(name + ".md"))).contains("| accuracy | " + String.format(Locale.ROOT,
                "%.4f", now.get("accuracy").asDouble()) + " | " + range + " |");
        if (card.hasNonNull("auc")) {
            assertThat(now.get("ci95").get("auc").get(0).asDouble()).isLessThan(now.get("auc").asDouble());
        }
        assertThat(Files.readString(MODELS.resolve(name + ".md"))).contains(String.format(Locale.ROOT,
                "Expected calibration error %.4f, Brier score %.4f", now.get("calibration").get("ece").asDouble(),
                now.get("calibration").get("brier").asDouble()));
        assertThat(MODELS.resolve(name + "-reliability.png")).isNotEmptyFile();
    }
}
