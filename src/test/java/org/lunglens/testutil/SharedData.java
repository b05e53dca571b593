package org.lunglens.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real data in ../shared/data (CI has it too); never copied into the repository. */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("lunglens.shared", "../shared"), "data");
    }

    public static Path radiography() {
        return root().resolve("covid19-radiography-128");
    }

    public static Path samples() {
        return root().resolve("samples");
    }

    /**
     * A small data folder in {@code dir}: the first {@code perClass} images of each class, linked (not copied)
     * from the shared data set.
     */
    public static Path miniDataset(Path dir, int perClass, List<String> classes) throws IOException {
        for (String cls : classes) {
            Path target = Files.createDirectories(dir.resolve(cls));
            try (Stream<Path> files = Files.list(radiography().resolve(cls))) {
                for (Path f : files.sorted().limit(perClass).toList()) {
                    Files.createSymbolicLink(target.resolve(f.getFileName()), f.toAbsolutePath());
                }
            }
        }
        return dir;
    }
}
