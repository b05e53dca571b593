package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/**
 * {@code train} refuses options that do not describe a network before it reads any data, and a tiny run
 * writes everything the model card promises beside the model.
 */
class TrainCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void convsMustGiveOneCountOrOnePerBlock() {
        assertRefused("--convs takes one count (>= 1) or one per 3x3 block (3 with these --widths)", "--convs", "1,2");
    }

    @Test
    void eraseMustBeAProbability() {
        assertRefused("--erase takes a probability in [0, 1]; got 1.5", "--erase", "1.5");
    }

    @Test
    void aBorderMaskMustLeaveHalfTheFilm() {
        assertRefused("--mask-border: The border mask must be 0..0.25 of each side (0 = none), not 0.4",
                "--mask-border", "0.4");
    }

    @Test
    void instanceNormNeedsBatchNormAndNoMoreLayersThanTheNetworkHas() {
        assertRefused("--instance-norm takes a count of first convolutions (0-4) and needs --arch cnn with batch norm; "
                + "got 2", "--instance-norm", "2", "--no-batch-norm");
        assertRefused("(0-4)", "--instance-norm", "5");
    }

    @Test
    void theOutputMustBeAModelFileAndNeverTheModelTheRunStartsFrom() throws Exception {
        assertRefused("--out " + dir.resolve("m.zip") + " is one of this command's inputs", "--init",
                dir.resolve("m.zip").toString());
        Path notAModel = dir.resolve("m.model");
        int code = LungLensCommand.run("train", "--data", dir.toString(), "--task", "binary", "--out",
                notAModel.toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains("must name a model file ending in .zip");
        assertThat(notAModel).doesNotExist();
    }

    @Test
    void aTinyRunWritesTheModelItsCardPlotsAndReportsAndEvaluateReproducesThem() throws Exception {
        Path data = SharedData.miniDataset(dir.resolve("data"), 14, TinyModels.CLASSES);
        Path out = dir.resolve("models").resolve("tiny.zip");
        int code = LungLensCommand.run("train", "--data", data.toString(), "--task", "binary", "--out", out.toString(),
                "--size", "32", "--widths", "8,8,16", "--epochs", "1", "--batch", "16");
        assertThat(code).as(console.err()).isZero();

        for (String file : List.of("tiny.zip", "tiny.md", "tiny.test.json", "tiny.split.csv", "tiny-curves.png",
                "tiny-confusion.png", "tiny-roc.png", "tiny-reliability.png")) {
            assertThat(out.resolveSibling(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolveSibling("tiny.md"))).contains("| metric | value | 95% CI |",
                "### Calibration (test split)", "![reliability diagram](tiny-reliability.png)");
        JsonNode written = new ObjectMapper().readTree(out.resolveSibling("tiny.test.json").toFile());
        assertThat(written.get("calibration").get("brier").asDouble()).isBetween(0.0, 1.0);
        assertThat(written.get("ci95").get("accuracy")).hasSize(2);

        Path plots = dir.resolve("plots");
        code = LungLensCommand.run("evaluate", "--model", out.toString(), "--data", data.toString(), "--split",
                out.resolveSibling("tiny.split.csv").toString(), "--plots", plots.toString());
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).contains("calibration  ECE ", "95% CI ");
        assertThat(plots.resolve("tiny-reliability.png")).isNotEmptyFile();
        assertThat(plots.resolve("tiny-confusion.png")).hasSameBinaryContentAs(out.resolveSibling("tiny-confusion.png"));
        // A model compared with itself on the validation set (3 films here, too few for an AUC test): no discordant film
        code = LungLensCommand.run("compare", out.toString(), out.toString(), "--data", data.toString(), "--split",
                out.resolveSibling("tiny.split.csv").toString());
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).contains("Compared on the validation set of", "Only A wrong: 0 images; only B wrong: 0. "
                + "McNemar exact p = 1.0000");
    }

    private void assertRefused(String message, String... options) {
        Path out = dir.resolve("m.zip");
        String[] args = Stream.concat(Stream.of("train", "--data", dir.toString(),
                "--task", "binary", "--out", out.toString()), Arrays.stream(options)).toArray(String[]::new);
        int code = LungLensCommand.run(args);

        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains(message);
        assertThat(out).doesNotExist();
    }
}
