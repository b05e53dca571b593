package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ModelFile;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** {@code lunglens combine --out}: never one of the models it combines, an existing file only with --force. */
class CombineCommandTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void neverReplacesAModelItCombinesAndAsksBeforeReplacingAnyOtherFile() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 6, TinyModels.CLASSES);
        Path model = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models/small.zip"), 1);
        byte[] original = Files.readAllBytes(model);
        Path out = tmp.resolve("models/both.zip");

        Path notAModelFile = tmp.resolve("models/both.model");
        assertThat(combine(notAModelFile, "--force")).isEqualTo(2);
        assertThat(console.err()).contains("--out " + notAModelFile + " must name a model file ending in .zip");
        assertThat(Files.exists(notAModelFile)).isFalse();

        assertThat(combine(model)).isEqualTo(2);
        assertThat(combine(model, "--force")).as("not even with --force").isEqualTo(2);
        assertThat(Files.readAllBytes(model)).as("the input model is untouched").isEqualTo(original);
        assertThat(ModelFile.readMetadata(model).combinedMembers()).isEmpty();

        assertThat(combine(out)).as(console.err()).isZero();
        assertThat(Files.exists(tmp.resolve("models/both.md"))).isTrue();
        assertThat(combine(out)).as("an existing model without --force").isEqualTo(2);
        assertThat(combine(out, "--force")).as(console.err()).isZero();
    }

    private int combine(Path out, String... more) {
        String[] args = {"combine", "--data", tmp.resolve("data").toString(), "--out", out.toString(),
                tmp.resolve("models/small.zip").toString(), tmp.resolve("models/small.zip").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return LungLensCommand.run(all);
    }
}
