package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.ConsoleCapture;

/** {@code train} refuses options that do not describe a network before it reads any data. */
class TrainCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void convsMustGiveOneCountOrOnePerBlock() {
        Path out = dir.resolve("m.zip");
        int code = LungLensCommand.run("train", "--data", dir.toString(), "--task", "binary", "--out", out.toString(),
                "--convs", "1,2");

        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains("--convs takes one count (>= 1) or one per 3x3 block (3 with these --widths)");
        assertThat(out).doesNotExist();
    }

    @Test
    void eraseMustBeAProbability() {
        Path out = dir.resolve("m.zip");
        int code = LungLensCommand.run("train", "--data", dir.toString(), "--task", "binary", "--out", out.toString(),
                "--erase", "1.5");

        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains("--erase takes a probability in [0, 1]; got 1.5");
        assertThat(out).doesNotExist();
    }
}
