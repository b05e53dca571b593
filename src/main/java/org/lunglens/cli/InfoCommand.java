package org.lunglens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lunglens info FILE...}: one line per image, or one error line per file that cannot be read. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print format, size, bit depth, channels, colour model and value range of images.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "image files (PNG, JPEG, BMP, DICOM)")
    List<Path> files;

    @Override
    public Integer call() {
        ImageLoader loader = new ImageLoader();
        int failures = 0;
        for (Path file : files) {
            try {
                System.out.println(describe(loader.load(file)));
            } catch (ImageLoadException e) {
                System.err.println("lunglens: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static String describe(LoadedImage image) {
        PixelData p = image.pixels();
        int[] range = p.valueRange();
        String channels = switch (p.bandCount()) {
            case 1 -> "1 channel (gray)";
            case 3 -> "3 channels (RGB)";
            default -> "4 channels (RGBA)";
        };
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s: %s, %dx%d, %d-bit, %s, %s, values %d..%d", image.source(), image.format(), p.width(),
                p.height(), p.bitDepth(), channels, image.colourModel(), range[0], range[1]));
        image.tags().forEach((k, v) -> line.append(", ").append(k).append(": ").append(v));
        return line.toString();
    }
}
