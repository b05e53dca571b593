package org.lunglens.app;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lunglens.imaging.LoadedImage;

/**
 * What the patient log needs to know of a film: its file (registered by the SHA-256 of its bytes), the format it
 * was read as, and the acquisition date when the file carries one.
 */
public record AnalysedFilm(Path file, String format, LocalDate acquiredOn) {
    public static AnalysedFilm of(LoadedImage image) {
        return new AnalysedFilm(image.source(), image.format(), image.acquisitionDate().orElse(null));
    }
}
