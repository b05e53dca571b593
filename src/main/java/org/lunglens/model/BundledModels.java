package org.lunglens.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lunglens.patientlog.DatabaseLocation;

/**
 * Finds the models shipped with LungLens: {@code -Dlunglens.models=DIR} if set, else a {@code models}
 * folder beside the jar or one level up (the jar in {@code target/} of a checkout, or in the {@code app/}
 * folder of an installed app), else {@code ./models}.
 */
public final class BundledModels {
    public static final String BINARY = "covid-binary.zip";
    public static final String MULTICLASS = "cxr-multiclass.zip";
    /** The binary and the 3-class network combined ({@link CovidOdds}): the app's default reading when present. */
    public static final String COMBINED = "covid-combined.zip";
    /**
     * The binary network trained for other hospitals' films (equalised input, photometric augmentation, films
     * of other sources as negatives; docs/MODELS.md). The network {@code adapt} adapts by default.
     */
    public static final String EQUALIZED = "covid-equalized.zip";
    /**
     * {@link #EQUALIZED} combined with a network trained at half the resolution (64 px), which other sources'
     * grain and print do not reach (docs/MODELS.md, "Half the resolution"): the default of the app and of classify
     * when present.
     */
    public static final String TWO_RESOLUTIONS = "covid-equalized-combined-64.zip";
    /** Every bundled model's file, the default first: the order in which the AI tab offers them. */
    public static final List<String> FILES = List.of(TWO_RESOLUTIONS, EQUALIZED, COMBINED, BINARY, MULTICLASS);

    private BundledModels() {
    }

    /**
     * The model file {@code fileName} as {@link #find} finds it, or an exception that says where it was looked for
     * and how to make one.
     */
    public static Path require(String fileName) throws ModelLoadException {
        return find(fileName).orElseThrow(() -> new ModelLoadException("Model " + fileName
                + " not found (looked in -Dlunglens.models, models/ beside the app, ./models, " + userFolder()
                + "). Train one with 'lunglens train' (the combined one with 'lunglens combine') or start LungLens"
                + " with -Dlunglens.models=DIR."));
    }

    /** The bundled model of that name, else the user's model of that name ({@link #userFolder()}). */
    public static Optional<Path> find(String fileName) {
        List<Path> dirs = new ArrayList<>(candidates());
        dirs.add(userFolder());
        return dirs.stream().map(dir -> dir.resolve(fileName)).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Where a user keeps models of their own (a model adapted to their site with {@code lunglens adapt}):
     * {@code -Dlunglens.userModels=DIR}, else {@code $XDG_DATA_HOME/lunglens/models} (or
     * {@code ~/.local/share/lunglens/models}), beside the patient log's default place.
     */
    public static Path userFolder() {
        String property = System.getProperty("lunglens.userModels");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return DatabaseLocation.dataFolder().resolve("models");
    }

    /** The model files in the user's folder, by name (training checkpoints left out); none when it is missing. */
    public static List<String> userModels() {
        Path dir = userFolder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".zip") && !n.contains(".checkpoint")).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** The default model's file ({@link #defaultFileName()}), for commands run without {@code --model}. */
    public static Path defaultModel() throws ModelLoadException {
        String name = defaultFileName();
        return find(name).orElseThrow(() -> new ModelLoadException("the bundled model " + name
                + " was not found; pass --model FILE"));
    }

    /**
     * The default model of the app and of {@code classify} alike (a user gets the same answer from both): the
     * first installed of the two-resolution model, the network trained for other sites and the first combined one,
     * else the single binary network.
     */
    public static String defaultFileName() {
        return Stream.of(TWO_RESOLUTIONS, EQUALIZED, COMBINED).filter(f -> find(f).isPresent())
                .findFirst().orElse(BINARY);
    }

    static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String property = System.getProperty("lunglens.models");
        if (property != null) {
            dirs.add(Path.of(property));
        }
        try {
            Path jar = Path.of(BundledModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            dirs.add(dir.resolve("models"));
            if (dir.getParent() != null) {
                dirs.add(dir.getParent().resolve("models"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source (unusual class loader): fall back to the working directory.
        }
        dirs.add(Path.of("models"));
        return dirs;
    }
}
