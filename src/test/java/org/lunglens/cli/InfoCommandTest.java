package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.testutil.ConsoleCapture;

/** {@code lunglens info}: one line per image on stdout, one line per bad file on stderr, exit code 1. */
class InfoCommandTest {
    @TempDir
    static Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void oneLinePerSampleWithSixteenBitRange() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(ImageFixtures.samples())) {
            samples = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }

        int code = LungLensCommand.run(Stream.concat(Stream.of("info"), samples.stream().map(Path::toString))
                .toArray(String[]::new));

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        List<String> lines = stdoutLines();
        assertThat(lines).hasSameSizeAs(samples);
        ImageLoader loader = new ImageLoader();
        for (int i = 0; i < samples.size(); i++) {
            Path sample = samples.get(i);
            String line = lines.get(i);
            assertThat(line).startsWith(sample + ": PNG, ").contains("1 channel (gray)");
            if (sample.getFileName().toString().endsWith("-16bit.png")) {
                int[] range = loader.load(sample).pixels().valueRange();
                assertThat(range[1]).isGreaterThan(255);
                assertThat(line).contains(", 16-bit, ").endsWith("values " + range[0] + ".." + range[1]);
            } else {
                assertThat(line).contains(", 8-bit, ").contains("RGB (R=G=B, read as grayscale)");
            }
        }
    }

    @Test
    void describesAGeneratedImageExactly() {
        Path file = ImageFixtures.write(ImageFixtures.grayRamp(64, 48), "png", dir.resolve("ramp.png"));

        int code = LungLensCommand.run("info", file.toString());

        assertThat(code).isZero();
        assertThat(stdoutLines()).containsExactly(
                file + ": PNG, 64x48, 8-bit, 1 channel (gray), grayscale, values 0..252");
    }

    static Stream<Arguments> badFiles() throws Exception {
        byte[] png = ImageFixtures.encode(ImageFixtures.grayNoise(64, 64, 9), "png");
        return Stream.of(
                Arguments.of(dir.resolve("missing.png"), "file not found"),
                Arguments.of(Files.createDirectories(dir.resolve("folder.png")), "is a directory, not an image file"),
                Arguments.of(Files.createFile(dir.resolve("empty.png")), "the file is empty (0 bytes)"),
                Arguments.of(Files.writeString(dir.resolve("text.png"), "hello"), "not an image ("),
                Arguments.of(Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2)),
                        "the image data is corrupt or truncated ("),
                Arguments.of(Files.write(dir.resolve("huge.png"), ImageFixtures.pngHeaderOnly(20_000, 20_000)),
                        "image too large (20000 x 20000 px"),
                Arguments.of(ImageFixtures.write(ImageFixtures.grayRamp(8, 8), "gif", dir.resolve("film.gif")),
                        "unsupported format GIF"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileGivesExitCodeOneAndOneLineOnStderr(Path file, String reason) {
        int code = LungLensCommand.run("info", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(console.out()).isEmpty();
        assertThat(err().lines().toList()).singleElement(STRING)
                .startsWith("lunglens: " + file + ": " + reason)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void goodFilesAreStillDescribedWhenOthersFail() {
        Path good = ImageFixtures.write(ImageFixtures.grayRamp(16, 16), "png", dir.resolve("good.png"));
        Path missing = dir.resolve("gone.png");

        int code = LungLensCommand.run("info", missing.toString(), good.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stdoutLines()).singleElement(STRING)
                .startsWith(good + ": PNG, 16x16");
        assertThat(err().lines().toList()).containsExactly("lunglens: " + missing + ": file not found");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(LungLensCommand.run("info")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter");
    }

    private List<String> stdoutLines() {
        return console.out().lines().toList();
    }

    private String err() {
        return console.err();
    }
}
