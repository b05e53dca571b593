package org.lunglens.testutil;

import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

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

    /**
     * The films of {@code dataFolder}'s class folders as another site's exposure might give them, flat in
     * {@code site}: washed out (70% of the contrast, brighter). A tiny model flags few of them one at a time; taken
     * together they are plainly not its training films.
     */
    public static Path washedOutCopies(Path dataFolder, Path site) throws IOException {
        try (Stream<Path> classes = Files.list(dataFolder)) {
            for (Path folder : classes.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> films = Files.list(folder)) {
                    for (Path f : films.sorted().toList()) {
                        BufferedImage gray = new BufferedImage(128, 128, BufferedImage.TYPE_BYTE_GRAY);
                        gray.getGraphics().drawImage(ImageIO.read(f.toFile()), 0, 0, 128, 128, null);
                        ImageIO.write(new RescaleOp(0.7f, 76.5f, null).filter(gray, null), "png",
                                site.resolve(folder.getFileName() + "-" + f.getFileName()).toFile());
                    }
                }
            }
        }
        return site;
    }
}
