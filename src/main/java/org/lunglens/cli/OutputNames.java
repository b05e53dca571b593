package org.lunglens.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Names of the PNGs a batch export writes into one folder: {@code NAME-SUFFIX.png}, and {@code NAME-SUFFIX-2.png},
 * {@code -3}... for a second image of the same file name from another folder, so that none overwrites another.
 */
final class OutputNames {
    private final String suffix;
    private final Set<String> written = new HashSet<>();

    OutputNames(String suffix) {
        this.suffix = suffix;
    }

    String next(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-" + suffix;
        String name = stem + ".png";
        for (int n = 2; !written.add(name); n++) {
            name = stem + "-" + n + ".png";
        }
        return name;
    }
}
