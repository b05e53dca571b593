package org.lunglens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lunglens.imaging.FolderWalk;

/** Expands command-line arguments into files: directories are walked recursively for image files. */
final class ImageFiles {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "dcm", "dicom");

    private ImageFiles() {
    }

    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                files.addAll(FolderWalk.files(arg, ImageFiles::hasImageExtension));
            } else {
                files.add(arg); // a named file is always tried, whatever its extension: the loader says why it fails
            }
        }
        return files;
    }

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
