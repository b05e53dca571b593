package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.app.StartOptions;
import org.lunglens.testutil.ConsoleCapture;

/** {@code lunglens [OPTIONS] FILE...} opens the app with those studies; commands stay commands. */
class AppStartArgumentsTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final List<StartOptions> launched = new ArrayList<>();

    private int run(String... args) {
        return LungLensCommand.run(launched::add, args);
    }

    @Test
    void filesAndFoldersOpenTheAppWithThem() throws Exception {
        Path film = Files.writeString(tmp.resolve("chest.png"), "x");
        Path folder = Files.createDirectories(tmp.resolve("studies"));

        assertThat(run(film.toString(), folder.toString(), "--db", "log.db")).isZero();

        assertThat(launched).singleElement().satisfies(o -> {
            assertThat(o.open()).containsExactly(film.toAbsolutePath(), folder.toAbsolutePath());
            assertThat(o.database()).isEqualTo(Path.of("log.db"));
            assertThat(o.windowed()).isFalse();
            assertThat(o.warmUp()).isTrue();
        });
    }

    @Test
    void demoOptionsReachTheApp() throws Exception {
        Path film = Files.writeString(tmp.resolve("chest.png"), "x");
        Path cases = Files.createDirectories(tmp.resolve("cases"));

        assertThat(run("--windowed", "--tab", "AI", "--gradcam", "--grid", "--no-warm-up", "--explain",
                "--quiz", cases.toString(), "--quiz-cases", "6", "--quiz-start", "presenter", film.toString())).isZero();

        StartOptions o = launched.get(0);
        assertThat(o.windowed()).isTrue();
        assertThat(o.warmUp()).isFalse();
        assertThat(o.tab()).isEqualTo("AI");
        assertThat(o.gradCam()).isTrue();
        assertThat(o.grid()).isTrue();
        assertThat(o.explain()).isTrue();
        assertThat(o.quiz().folder()).isEqualTo(cases.toAbsolutePath());
        assertThat(o.quiz().csv()).isNull();
        assertThat(o.quiz().cases()).isEqualTo(6);
        assertThat(o.quiz().seed()).isEqualTo(1);
        assertThat(o.quiz().start()).isEqualTo("presenter");
    }

    @Test
    void aMissingFileIsAUsageErrorNotAnEmptyWindow() {
        assertThat(run(tmp.resolve("missing.png").toString())).isEqualTo(2);
        assertThat(console.err()).contains("No such file or folder").contains("missing.png");
        assertThat(launched).isEmpty();
    }

    @Test
    void aUsageErrorWithoutASubcommandStillListsTheSubcommands() {
        // Such arguments are parsed without the subcommands first (start-up time); the error is the whole CLI's
        assertThat(run("--tab")).isEqualTo(2);
        assertThat(console.err()).contains("Missing required parameter for option '--tab'").contains("Commands:")
                .contains("classify").contains("evaluate").contains("sitecheck");
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(console.err()).contains("Unknown option: '--no-such-option'");
        assertThat(launched).isEmpty();
    }

    @Test
    void subcommandsAndHelpDoNotOpenTheApp() throws Exception {
        Path film = Files.writeString(tmp.resolve("chest.png"), "x");
        run("info", "--help");
        run("--help");
        assertThat(console.out()).contains("--quiz-start").contains("FILE");
        assertThat(launched).isEmpty();
        assertThat(run("--db", "log.db")).as("--db alone opens the app with that log").isZero();
        assertThat(launched).singleElement().satisfies(o -> assertThat(o.open()).isEmpty());
        assertThat(film).exists();
    }
}
