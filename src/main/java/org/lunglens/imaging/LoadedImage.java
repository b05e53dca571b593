package org.lunglens.imaging;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * An opened image: its samples plus what the file said about itself.
 *
 * @param source      the file it came from
 * @param format      container format, e.g. "PNG", "JPEG", "BMP", "DICOM"
 * @param colourModel how the file stored colour, e.g. "grayscale", "RGB (R=G=B, read as grayscale)", "palette"
 * @param pixels      decoded samples (grayscale images have one band)
 * @param tags        format metadata worth showing (DICOM tags); empty when there is none
 */
public record LoadedImage(Path source, String format, String colourModel, PixelData pixels, Map<String, String> tags) {
    public LoadedImage {
        tags = Map.copyOf(tags);
    }

    /** The DICOM study date (tag 0008,0020, "yyyyMMdd") when the file has a valid one. */
    public Optional<LocalDate> acquisitionDate() {
        String value = tags.get("Study date");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip(), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String fileName() {
        return source.getFileName().toString();
    }
}
