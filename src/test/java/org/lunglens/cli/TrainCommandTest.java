package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
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
        assertRefused("--convs takes one count (>= 1) or one per 3x3 block (3 with these --widths)", "--convs", "1,2");
    }

    @Test
    void eraseMustBeAProbability() {
        assertRefused("--erase takes a probability in [0, 1]; got 1.5", "--erase", "1.5");
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
