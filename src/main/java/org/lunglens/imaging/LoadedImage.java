package org.lunglens.imaging;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.lunglens.imaging.dicom.DicomInfo;

/**
 * An opened image: its samples plus what the file said about itself.
 *
 * @param source      the file it came from
 * @param format      container format, e.g. "PNG", "JPEG", "BMP", "DICOM"
 * @param colourModel how the file stored colour, e.g. "grayscale", "RGB (R=G=B, read as grayscale)", "palette"
 * @param pixels      decoded samples (grayscale images have one band)
 * @param tags        format metadata worth showing (a few DICOM tags by name); empty when there is none
 * @param dicom       everything else a DICOM file said (all its tags, rescale, window, pixel spacing, patient);
 *                    null for other formats
 */
public record LoadedImage(Path source, String format, String colourModel, PixelData pixels, Map<String, String> tags,
        DicomInfo dicom) {
    public LoadedImage {
        tags = Map.copyOf(tags);
    }

    /** An image without DICOM information. */
    public LoadedImage(Path source, String format, String colourModel, PixelData pixels, Map<String, String> tags) {
        this(source, format, colourModel, pixels, tags, null);
    }

    public Optional<DicomInfo> dicomInfo() {
        return Optional.ofNullable(dicom);
    }

    /** How samples map to the file's own values (rescale slope and intercept); identity for non-DICOM images. */
    public ValueScale valueScale() {
        return dicom == null ? ValueScale.IDENTITY : dicom.valueScale();
    }

    /** The window the file asks to be shown with (in samples), when it names one. */
    public Optional<ValueWindow> initialWindow() {
        return dicomInfo().flatMap(DicomInfo::initialWindow);
    }

    /** The size of a pixel, when the file gives it (Pixel Spacing, else Imager Pixel Spacing). */
    public Optional<PixelSpacing> pixelSpacing() {
        return dicomInfo().flatMap(DicomInfo::pixelSpacing);
    }

    /** Frames in the file; {@link #pixels()} holds the first. */
    public int frameCount() {
        return dicom == null ? 1 : dicom.frames();
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
