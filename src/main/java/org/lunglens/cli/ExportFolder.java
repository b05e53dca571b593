package org.lunglens.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lunglens.patientlog.PrivateFiles;

/**
 * The folder of a batch export ({@code --gradcam}, {@code --occlusion}): one PNG per image, owner-only (the file
 * name is burnt into the picture), never over an input, and over an existing file only with {@code --force}
 * (otherwise the next free name, NAME-SUFFIX-2.png...).
 */
final class ExportFolder {
    private final Path dir;
    private final OutputNames names;
    private final OutputGuard guard;

    ExportFolder(Path dir, String suffix, OutputGuard guard) {
        this.dir = dir;
        this.names = new OutputNames(suffix);
        this.guard = guard;
    }

    /** Writes the PNG made from {@code source}; returns where it went. */
    Path writePng(BufferedImage image, Path source) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(names.next(source));
        while (!guard.mayWrite(target)) {
            target = dir.resolve(names.next(source));
        }
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for " + target);
            }
        }
        return target;
    }
}
