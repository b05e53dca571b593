package org.lunglens.model;

import java.nio.file.Path;

/**
 * The files that travel with a model file, named after it: {@code covid-binary.zip} beside {@code covid-binary.md},
 * {@code covid-binary.split.csv}, {@code covid-binary.checkpoint.zip}. One place for the rule, so that the commands
 * that write these files and the app that reads them cannot disagree on a name.
 */
public final class ModelFileNames {
    private static final String EXTENSION = ".zip";

    private ModelFileNames() {
    }

    /** The model's name: its file name without {@code .zip}. */
    public static String baseName(Path modelFile) {
        String file = modelFile.getFileName().toString();
        return file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file;
    }

    /** The file beside the model with its name and {@code suffix}: {@code (covid-binary.zip, ".md")} -> covid-binary.md. */
    public static Path sibling(Path modelFile, String suffix) {
        return modelFile.resolveSibling(baseName(modelFile) + suffix);
    }

    /** True when the path names a model file (.zip), as every command that writes one requires. */
    public static boolean isModelFileName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(EXTENSION)
                && file.getFileName().toString().length() > EXTENSION.length();
    }
}
