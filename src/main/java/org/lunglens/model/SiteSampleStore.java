package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** Writes the sample (a whole new file, then renamed over the old one); a failure is logged, never thrown. */
    public static void save(String modelSha256, SiteSample sample, Set<Integer> seen) {
        Path f = file(modelSha256);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), modelSha256, ".tmp");
            ModelFile.json().writeValue(tmp.toFile(), new Saved(sample.totals(), List.copyOf(seen)));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Site sample {} cannot be written: {}", f, e.getMessage());
        }
    }
}
