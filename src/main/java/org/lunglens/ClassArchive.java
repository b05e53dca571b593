package org.lunglens;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the class-data archive (AppCDS, {@code packaging/make-class-archive.sh}) of an unpacked app-image where it
 * lies, at its first window start. On JDK 17 an archive holds the jars' absolute paths, so one made at build time is
 * useless once the app-image is moved, and it is 73 MB; the app-image ships the class list and the script instead,
 * and the .deb's postinst runs the script at install. Linux only (the script is a shell script).
 */
final class ClassArchive {
    static final String SCRIPT = "make-class-archive.sh";
    static final String CLASS_LIST = "lunglens.classlist";
    /** Long enough that the dump (10-15 s of one core, at the lowest priority) stays clear of the first analysis. */
    private static final Duration DELAY = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ClassArchive.class);

    private ClassArchive() {
    }

    /**
     * Whether the archive should be written now: a Linux app folder that holds the class list and the script and
     * can be written to, and a JVM that started without a mapped archive (none yet, or one made for another place:
     * the JVM dropped it silently). {@code java.vm.info} says "sharing" when an archive is mapped; the packaged
     * runtime has no default archive of its own.
     */
    static boolean needed(Path appFolder, String osName, String vmInfo) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && !vmInfo.contains("sharing")
                && Files.isRegularFile(appFolder.resolve(SCRIPT)) && Files.isRegularFile(appFolder.resolve(CLASS_LIST))
                && Files.isWritable(appFolder);
    }

    /**
     * For a packaged start that opens the window: if {@link #needed}, starts the script after a delay, on a daemon
     * thread. The script outlives the app if it is closed first; the next start tries again if it was closed sooner.
     */
    static void writeLaterIfNeeded() {
        if (!Boolean.getBoolean(PackagedRuntime.PACKAGED_PROPERTY) || Boolean.getBoolean("lunglens.startupProbe")) {
            return; // a checkout, or the installer build's class-list run
        }
        Optional<Path> folder = appFolder();
        if (folder.isEmpty() || !needed(folder.get(), System.getProperty("os.name", ""),
                System.getProperty("java.vm.info", ""))) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(DELAY.toMillis());
                start(folder.get());
                LOG.info("Writing the class-data archive in {} (faster starts from the next one)", folder.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.warn("Could not start {}: {}", SCRIPT, e.getMessage());
            }
        }, "class-archive");
        thread.setDaemon(true);
        thread.start();
    }

    /** The command that writes the archive, at the lowest CPU priority. */
    static List<String> command(Path appFolder) {
        return List.of("nice", "-n", "19", "sh", appFolder.resolve(SCRIPT).toString());
    }

    private static void start(Path appFolder) throws IOException {
        new ProcessBuilder(command(appFolder)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The folder of the running lunglens.jar (the app-image's lib/app). */
    private static Optional<Path> appFolder() {
        try {
            Path jar = Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.ofNullable(jar.getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
