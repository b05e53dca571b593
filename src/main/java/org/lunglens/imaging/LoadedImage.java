package org.lunglens.imaging;

import java.nio.file.Path;
import java.util.Map;

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

    public String fileName() {
        return source.getFileName().toString();
    }
}
