package org.lunglens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When an app-image writes its own class-data archive: only where it can, and only when none is mapped. */
class ClassArchiveTest {
    @TempDir
    Path app;

    private void shipAsBuilt() throws Exception {
        Files.writeString(app.resolve(ClassArchive.SCRIPT), "#!/bin/sh\n");
        Files.writeString(app.resolve(ClassArchive.CLASS_LIST), "java/lang/Object\n");
    }

    @Test
    void anAppImageAsBuiltOnLinuxWritesItsArchive() throws Exception {
        shipAsBuilt();

        assertThat(ClassArchive.needed(app, "Linux", "mixed mode")).isTrue();
        assertThat(ClassArchive.command(app)).endsWith("sh", app.resolve(ClassArchive.SCRIPT).toString())
                .startsWith("nice", "-n", "19");
    }

    @Test
    void notWhenAnArchiveIsMapped() throws Exception {
        shipAsBuilt();

        assertThat(ClassArchive.needed(app, "Linux", "mixed mode, sharing")).isFalse();
    }

    @Test
    void notWithoutTheClassListOrTheScriptOrOffLinux() throws Exception {
        assertThat(ClassArchive.needed(app, "Linux", "mixed mode")).as("neither").isFalse();
        Files.writeString(app.resolve(ClassArchive.SCRIPT), "#!/bin/sh\n");
        assertThat(ClassArchive.needed(app, "Linux", "mixed mode")).as("no class list").isFalse();
        Files.writeString(app.resolve(ClassArchive.CLASS_LIST), "java/lang/Object\n");
        assertThat(ClassArchive.needed(app, "Windows 11", "mixed mode")).as("Windows").isFalse();
    }
}
