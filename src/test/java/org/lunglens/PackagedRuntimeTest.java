package org.lunglens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackagedRuntimeTest {
    private static final Path HOME = Path.of("/home/reader");

    @Test
    void linuxUsesTheXdgCacheAndConfigFolders() {
        Map<String, String> props = PackagedRuntime.properties(
                Map.of("XDG_CACHE_HOME", "/var/cache/reader", "XDG_CONFIG_HOME", "/etc/reader"), "Linux", HOME);

        assertThat(props)
                .containsEntry("org.bytedeco.javacpp.cachedir", "/var/cache/reader/lunglens/javacpp")
                .containsEntry("javafx.cachedir", "/var/cache/reader/lunglens/openjfx")
                .containsEntry("org.sqlite.tmpdir", "/var/cache/reader/lunglens/sqlite")
                .containsEntry("java.io.tmpdir", "/var/cache/reader/lunglens/tmp")
                .containsEntry("java.util.prefs.userRoot", "/etc/reader/lunglens/prefs");
    }

    @Test
    void linuxFallsBackToHomeWhenXdgIsUnsetOrRelative() {
        Map<String, String> props = PackagedRuntime.properties(Map.of("XDG_CACHE_HOME", "rel"), "Linux", HOME);

        assertThat(props)
                .containsEntry("org.bytedeco.javacpp.cachedir", "/home/reader/.cache/lunglens/javacpp")
                .containsEntry("java.util.prefs.userRoot", "/home/reader/.config/lunglens/prefs");
    }

    @Test
    void macOsUsesLibraryFolders() {
        assertThat(PackagedRuntime.cacheFolder(Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library/Caches/LungLens"));
        assertThat(PackagedRuntime.configFolder(Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/LungLens"));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = Path.of("/c/Users/reader/AppData/Local");
        assertThat(PackagedRuntime.cacheFolder(Map.of("LOCALAPPDATA", local.toString()), "Windows 11", HOME))
                .isEqualTo(local.resolve("LungLens").resolve("cache"));
    }

    @Test
    void outsideTheLauncherNothingChanges() {
        String before = System.getProperty("org.bytedeco.javacpp.cachedir");
        System.clearProperty(PackagedRuntime.LAUNCHER_PROPERTY);
        System.clearProperty(PackagedRuntime.PACKAGED_PROPERTY);

        PackagedRuntime.configure();

        assertThat(System.getProperty("org.bytedeco.javacpp.cachedir")).isEqualTo(before);
    }
}
