package org.lunglens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lunglens FILE...} opens the app with those studies; commands and unknown words go to the command line. */
class MainArgumentsTest {
    @TempDir
    Path tmp;

    @Test
    void existingFilesAndFoldersOpenTheApp() throws Exception {
        Path film = Files.writeString(tmp.resolve("chest.png"), "x");
        Path folder = Files.createDirectories(tmp.resolve("studies"));
        assertThat(Main.appArguments(new String[] {film.toString(), folder.toString()}))
                .hasValueSatisfying(a -> assertThat(a).containsExactly(film.toAbsolutePath().toString(),
                        folder.toAbsolutePath().toString()));
        assertThat(Main.appArguments(new String[] {"--db", "log.db", film.toString()}))
                .hasValueSatisfying(a -> assertThat(a).containsExactly("--db=log.db", film.toAbsolutePath().toString()));
        assertThat(Main.appArguments(new String[0])).hasValueSatisfying(a -> assertThat(a).isEmpty());
    }

    @Test
    void commandsOptionsAndMissingFilesGoToTheCommandLine() throws Exception {
        Path film = Files.writeString(tmp.resolve("chest.png"), "x");
        assertThat(Main.appArguments(new String[] {"classify", film.toString()})).isEmpty();
        assertThat(Main.appArguments(new String[] {"--help"})).isEmpty();
        assertThat(Main.appArguments(new String[] {"--db", "log.db"})).as("the CLI opens the app with the log").isEmpty();
        assertThat(Main.appArguments(new String[] {tmp.resolve("missing.png").toString()})).isEmpty();
        assertThat(Main.appArguments(new String[] {film.toString(), "--csv"})).isEmpty();
    }
}
