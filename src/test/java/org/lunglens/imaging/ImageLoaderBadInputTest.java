package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gets an {@link ImageLoadException} naming the file and the problem. */
class ImageLoaderBadInputTest {
    private static final String OPENS = "(LungLens opens PNG, JPEG, BMP and DICOM)";

    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nowhere.png");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": file not found");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(ImageLoadException.class)
                .hasMessage(dir + ": is a directory, not an image file");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": the file is empty (0 bytes)");
    }

    @Test
    void truncatedPng() throws Exception {
        byte[] png = ImageFixtures.encode(ImageFixtures.grayNoise(64, 64, 1), "png");
        Path file = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(file + ": the image data is corrupt or truncated (");
    }

    @Test
    void garbageAfterPngSignature() throws Exception {
        byte[] png = ImageFixtures.encode(ImageFixtures.grayNoise(64, 64, 2), "png");
        byte[] garbage = new byte[png.length];
        Arrays.fill(garbage, (byte) 0x5A);
        System.arraycopy(png, 0, garbage, 0, 8);
        Path file = Files.write(dir.resolve("corrupt.png"), garbage);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(file + ": the image data is corrupt or truncated (");
    }

    @Test
    void corruptPixelDataAfterValidHeader() throws Exception {
        byte[] png = ImageFixtures.encode(ImageFixtures.grayNoise(64, 64, 3), "png");
        // Keep signature, IHDR and the IDAT chunk's start; overwrite the compressed stream.
        Arrays.fill(png, 45, png.length - 12, (byte) 0xFF);
        Path file = Files.write(dir.resolve("corrupt-idat.png"), png);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(file + ": the image data is corrupt or truncated (");
    }

    @Test
    void textFileWithImageName() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "Patient notes, not a picture.\n");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": not an image (its content is not PNG, JPEG, BMP or DICOM, whatever its name says)");
    }

    @Test
    void headerDeclaringHugeImageIsRefusedBeforeDecoding() throws Exception {
        Path file = Files.write(dir.resolve("huge.png"), ImageFixtures.pngHeaderOnly(20_000, 20_000));

        // The default limits: 16,384 px a side. The file has no pixel data, so decoding would fail
        // with a different message: the size check must come first.
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": image too large (20000 x 20000 px; the limit is 16,384 px a side"
                        + " and 200 megapixels)");
    }

    @Test
    void smallLimitsRefuseARealImage() throws Exception {
        Path file = ImageFixtures.write(ImageFixtures.grayRamp(64, 48), "png", dir.resolve("ramp.png"));
        ImageLoader strict = new ImageLoader(new ImageLimits(32, 10_000, 1 << 20));

        assertThatThrownBy(() -> strict.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": image too large (64 x 48 px; the limit is 32 px a side and 10,000 pixels)");
    }

    @Test
    void pixelCountLimitAppliesToSidesWithinLimit() throws Exception {
        Path file = Files.write(dir.resolve("wide.png"), ImageFixtures.pngHeaderOnly(10_000, 3_000));
        ImageLoader strict = new ImageLoader(new ImageLimits(16_384, 20_000_000, 1 << 20));

        assertThatThrownBy(() -> strict.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": image too large (10000 x 3000 px; the limit is 16,384 px a side"
                        + " and 20 megapixels)");
    }

    @Test
    void fileBytesLimit() throws Exception {
        Path file = ImageFixtures.write(ImageFixtures.grayNoise(64, 64, 4), "png", dir.resolve("noise.png"));
        ImageLoader strict = new ImageLoader(new ImageLimits(16_384, 200_000_000, 100));

        assertThatThrownBy(() -> strict.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(file + ": file too large (");
    }

    @Test
    void gif() throws Exception {
        Path file = ImageFixtures.write(ImageFixtures.grayRamp(8, 8), "gif", dir.resolve("film.gif"));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": unsupported format GIF " + OPENS);
    }

    @Test
    void tiff() throws Exception {
        Path file = ImageFixtures.write(ImageFixtures.grayRamp(8, 8), "tiff", dir.resolve("film.tif"));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": unsupported format TIFF " + OPENS);
    }

    @Test
    void webpHeader() throws Exception {
        byte[] webp = "RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0 some payload bytes here".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("film.webp"), webp);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": unsupported format WebP " + OPENS);
    }

    @Test
    void unsupportedFormatWithAMisleadingName() throws Exception {
        Path file = ImageFixtures.write(ImageFixtures.grayRamp(8, 8), "gif", dir.resolve("renamed.png"));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": unsupported format GIF " + OPENS);
    }

    @Test
    void messagesNeverLeakAStackTraceLine() throws Exception {
        byte[] png = ImageFixtures.encode(ImageFixtures.grayNoise(64, 64, 5), "png");
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 100));

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\tat "));
    }
}
