package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** {@code lunglens scale-input}: a model for inputs twice as large, its split beside it, ready to combine. */
class ScaleInputCommandTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void writesTheScaledModelWithItsSplitAndRefusesWhatItCannotDo() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 6, TinyModels.CLASSES);
        Path small = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models/small.zip"), 1);
        int size = ModelFile.readMetadata(small).preprocessing().size();
        Path out = tmp.resolve("scaled/small-at-double.zip");

        int code = LungLensCommand.run("scale-input", "--model", small.toString(), "--size", String.valueOf(2 * size),
                "--out", out.toString());

        assertThat(code).as(console.err()).isZero();
        ModelMetadata meta = ModelFile.readMetadata(out);
        assertThat(meta.preprocessing().size()).isEqualTo(2 * size);
        assertThat(meta.name()).isEqualTo("small-at-double");
        assertThat(meta.training().get("inputScaled").toString()).contains("small.zip", "SHA-256");
        assertThat(Files.mismatch(tmp.resolve("models/small.split.csv"), tmp.resolve("scaled/small-at-double.split.csv")))
                .as("the split is copied, so 'combine' accepts it").isEqualTo(-1);
        // Combined with a network of the new size it would be: here with itself, as the simplest partner
        assertThat(LungLensCommand.run("combine", "--data", data.toString(), "--out", tmp.resolve("scaled/both.zip")
                .toString(), out.toString(), out.toString())).as(console.err()).isZero();

        // Not an integer multiple; an existing file without --force; the model itself
        assertThat(LungLensCommand.run("scale-input", "--model", small.toString(), "--size",
                String.valueOf(size * 3 / 2), "--out", tmp.resolve("x.zip").toString())).isEqualTo(2);
        assertThat(LungLensCommand.run("scale-input", "--model", small.toString(), "--size", String.valueOf(2 * size),
                "--out", out.toString())).isEqualTo(2);
        assertThat(LungLensCommand.run("scale-input", "--model", small.toString(), "--size", String.valueOf(2 * size),
                "--out", small.toString(), "--force")).isEqualTo(2);
        assertThat(ModelFile.readMetadata(small).preprocessing().size()).isEqualTo(size);
    }
}
