package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's files: linked sub-folders are followed, a link loop or a dangling link does not end the walk. */
class FolderWalkTest {
    @TempDir
    Path tmp;

    @Test
    void followsLinkedFoldersOnceAndSurvivesLoopsAndDanglingLinks() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/study"));
        Files.writeString(elsewhere.resolve("film-10.png"), "x");
        Files.writeString(elsewhere.resolve("film-9.png"), "x");
        Path folder = Files.createDirectories(tmp.resolve("export"));
        Files.createDirectories(folder.resolve("own"));
        Files.writeString(folder.resolve("own/film-1.png"), "x");
        Files.writeString(folder.resolve("notes.txt"), "x");
        Files.createSymbolicLink(folder.resolve("linked"), elsewhere);
        Files.createSymbolicLink(folder.resolve("own/loop"), folder);
        Files.createSymbolicLink(folder.resolve("gone.png"), tmp.resolve("missing.png"));

        List<Path> files = FolderWalk.files(folder, f -> f.toString().endsWith(".png"));

        assertThat(files).containsExactly(folder.resolve("linked/film-9.png"), folder.resolve("linked/film-10.png"),
                folder.resolve("own/film-1.png"));
    }

    @Test
    void aMissingFolderIsTheCallersError() {
        assertThatThrownBy(() -> FolderWalk.files(tmp.resolve("nowhere"), f -> true)).isInstanceOf(IOException.class);
    }
}
