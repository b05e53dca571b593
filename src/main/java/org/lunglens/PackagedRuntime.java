package org.lunglens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Keeps an installed LungLens inside its install folder and its user folders. The packaged app's launcher passes
 * {@code -Dlunglens.packaged=true} (jpackage.cfg; JDK 17's launcher sets no property of its own, later ones set
 * {@code jpackage.app-path}); then the native-library caches (ND4J/JavaCPP unpacks ~400 MB at first start, JavaFX and
 * SQLite a few MB), temporary files and Java preferences go to LungLens's cache and config folders instead of
 * {@code ~/.javacpp}, {@code ~/.openjfx}, {@code ~/.java} and {@code /tmp}. A jpackage {@code .cfg} file cannot
 * expand {@code $HOME} on JDK 17, hence code. Properties given on the command line win; runs from a checkout
 * ({@code java -jar}, tests) are left alone.
 */
final class PackagedRuntime {
    static final String PACKAGED_PROPERTY = "lunglens.packaged";
    static final String LAUNCHER_PROPERTY = "jpackage.app-path";

    private PackagedRuntime() {
    }

    /** Call first thing in {@code main}, before any class that loads natives or reads preferences. */
    static void configure() {
        Properties system = System.getProperties();
        if (!Boolean.getBoolean(PACKAGED_PROPERTY) && system.getProperty(LAUNCHER_PROPERTY) == null) {
            return;
        }
        Path home = Path.of(system.getProperty("user.home"));
        properties(System.getenv(), system.getProperty("os.name", ""), home).forEach((key, value) -> {
            // java.io.tmpdir always has a JVM default (/tmp), so it cannot tell "given by the user" from "unset"
            boolean free = system.getProperty(key) == null || key.equals("java.io.tmpdir");
            if (free && createFolder(Path.of(value))) {
                system.setProperty(key, value);
            }
        });
    }

    /** The properties to set for this platform and user. */
    static Map<String, String> properties(Map<String, String> environment, String osName, Path home) {
        Path cache = cacheFolder(environment, osName, home);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp").toString());
        out.put("javafx.cachedir", cache.resolve("openjfx").toString());
        out.put("org.sqlite.tmpdir", cache.resolve("sqlite").toString());
        out.put("java.io.tmpdir", cache.resolve("tmp").toString());
        out.put("java.util.prefs.userRoot", configFolder(environment, osName, home).resolve("prefs").toString());
        return out;
    }

    static Path cacheFolder(Map<String, String> environment, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return windowsAppData(environment, home).resolve("LungLens").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("LungLens");
        }
        return xdg(environment, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("lunglens");
    }

    static Path configFolder(Map<String, String> environment, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return windowsAppData(environment, home).resolve("LungLens").resolve("config");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("LungLens");
        }
        return xdg(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("lunglens");
    }

    private static Path windowsAppData(Map<String, String> environment, Path home) {
        return xdg(environment, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
    }

    /** An absolute folder from the environment, else the fallback (the XDG spec ignores relative values). */
    private static Path xdg(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private static boolean createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return true;
        } catch (IOException | SecurityException e) {
            // Not writable (odd home folder): the libraries' own defaults still work, so keep them.
            return false;
        }
    }
}
