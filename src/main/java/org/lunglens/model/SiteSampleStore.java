package org.lunglens.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lunglens.patientlog.DatabaseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the app's sample of the films a model has read between runs, one file per model (by SHA-256): a workstation
 * that reads ten films a day would otherwise never reach the films a site verdict needs. Only sums of features and
 * hashes of inputs are kept, no film and nothing about a patient: {@code -Dlunglens.siteSamples=DIR}, else beside
 * the patient log's default place ({@code site-samples/}).
 */
public final class SiteSampleStore {
    private static final Logger LOG = LoggerFactory.getLogger(SiteSampleStore.class);

    /** What is kept: the sample's totals and the input hashes already counted (each image once). */
    public record Saved(SiteSample.Totals totals, List<Integer> seen) {
    }

    private SiteSampleStore() {
    }

    static Path folder() {
        String property = System.getProperty("lunglens.siteSamples");
        return property != null && !property.isBlank() ? Path.of(property)
                : DatabaseLocation.dataFolder().resolve("site-samples");
    }

    private static Path file(String modelSha256) {
        return folder().resolve(modelSha256 + ".json");
    }

    /** The saved sample of the model with this SHA-256; empty when there is none or it cannot be read. */
    public static Optional<Saved> load(String modelSha256) {
        Path f = file(modelSha256);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelFile.json().readValue(f.toFile(), Saved.class));
        } catch (IOException e) {
            LOG.warn("Site sample {} cannot be read; starting a new one: {}", f, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Adds one film to the model's kept sample and returns the sample as kept now. Another run of the app may have
     * added films since this one loaded it (two windows on one workstation): under a lock, the film is added to what
     * the file holds now, not to this run's copy, so neither run's films are lost. A film already counted (by its
     * input's hash) is not counted twice. {@code current} (this run's copy) stands in for a file that is gone or
     * cannot be read; a failure to write is logged, never thrown, and the returned sample is kept in memory only.
     */
    public static Saved add(String modelSha256, SiteSample.Totals film, int inputHash, Saved current) {
        Path f = file(modelSha256);
        synchronized (SiteSampleStore.class) { // a JVM may hold a file lock only once
            try {
                Files.createDirectories(f.getParent());
                try (FileChannel lock = FileChannel.open(f.resolveSibling(modelSha256 + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = lock.lock()) {
                    Saved merged = withFilm(load(modelSha256).orElse(current), film, inputHash);
                    Path tmp = Files.createTempFile(f.getParent(), modelSha256, ".tmp");
                    ModelFile.json().writeValue(tmp.toFile(), merged);
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return merged;
                }
            } catch (IOException e) {
                LOG.warn("Site sample {} cannot be written: {}", f, e.getMessage());
                return withFilm(current, film, inputHash);
            }
        }
    }

    private static Saved withFilm(Saved kept, SiteSample.Totals film, int inputHash) {
        if (kept.seen().contains(inputHash)) {
            return kept;
        }
        List<Integer> seen = new ArrayList<>(kept.seen());
        seen.add(inputHash);
        return new Saved(kept.totals().plus(film), seen);
    }
}
