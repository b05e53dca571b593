package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lunglens.imaging.ImageFixtures.argbImage;
import static org.lunglens.imaging.ImageFixtures.samples;
import static org.lunglens.imaging.ImageFixtures.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format the loader accepts, from the shared samples and from images written here. */
class ImageLoaderFormatsTest {
    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    @Test
    void eightBitGrayPngKeepsItsSamples() throws Exception {
        Path file = write(ImageFixtures.grayRamp(64, 48), "png", dir.resolve("gray.png"));
        assertThat(ImageFixtures.pngColourType(file)).isZero();

        LoadedImage image = loader.load(file);

        assertThat(image.format()).isEqualTo("PNG");
        assertThat(image.colourModel()).isEqualTo("grayscale");
        PixelData p = image.pixels();
        assertThat(p.width()).isEqualTo(64);
        assertThat(p.height()).isEqualTo(48);
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.bandCount()).isEqualTo(1);
        assertThat(p.sample(0, 10, 5)).isEqualTo(40);
        assertThat(p.valueRange()).containsExactly(0, 252);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COVID-1", "Normal-1", "Viral Pneumonia-1"})
    void sixteenBitSampleKeepsFullRangeAndMatchesItsEightBitExport(String name) throws Exception {
        Path file16 = samples().resolve(name + "-16bit.png");
        assertThat(ImageFixtures.pngBitDepth(file16)).isEqualTo(16);

        PixelData p16 = loader.load(file16).pixels();
        PixelData p8 = loader.load(samples().resolve(name + ".png")).pixels();

        assertThat(p16.bitDepth()).isEqualTo(16);
        assertThat(p16.maxValue()).isEqualTo(65535);
        assertThat(p16.bandCount()).isEqualTo(1);
        // The 16-bit files are the 8-bit films scaled by 257, so their range is the 8-bit range x 257.
        int[] range8 = p8.valueRange();
        assertThat(p16.valueRange()).containsExactly(range8[0] * 257, range8[1] * 257);
        assertThat(p16.valueRange()[1]).isGreaterThan(255);
        for (int i = 0; i < p16.width() * p16.height(); i++) {
            assertThat(p16.sample(0, i)).isEqualTo(p8.sample(0, i) * 257);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"COVID-1046.png", "Normal-107.png", "Viral Pneumonia-1330.png"})
    void rgbSampleWithEqualChannelsIsReadAsGray(String name) throws Exception {
        Path file = samples().resolve(name);
        assertThat(ImageFixtures.pngColourType(file)).isEqualTo(2);

        LoadedImage image = loader.load(file);

        assertThat(image.colourModel()).isEqualTo("RGB (R=G=B, read as grayscale)");
        assertThat(image.pixels().isGray()).isTrue();
        assertThat(image.pixels().bitDepth()).isEqualTo(8);
    }

    @Test
    void realColourRgbKeepsThreeBands() throws Exception {
        Path file = write(argbImage(16, 8, BufferedImage.TYPE_INT_RGB, (x, y) -> 0x102030 + x),
                "png", dir.resolve("rgb.png"));

        LoadedImage image = loader.load(file);

        assertThat(image.colourModel()).isEqualTo("RGB");
        PixelData p = image.pixels();
        assertThat(p.bandCount()).isEqualTo(3);
        assertThat(p.hasAlpha()).isFalse();
        assertThat(new int[] {p.sample(0, 5, 2), p.sample(1, 5, 2), p.sample(2, 5, 2)})
                .containsExactly(0x10, 0x20, 0x35);
    }

    @Test
    void opaqueRgbaDropsAlphaAndGrayRgbaBecomesGray() throws Exception {
        Path colour = write(argbImage(8, 8, BufferedImage.TYPE_INT_ARGB, (x, y) -> 0xFF112233),
                "png", dir.resolve("opaque-colour.png"));
        Path gray = write(argbImage(8, 8, BufferedImage.TYPE_INT_ARGB, (x, y) -> 0xFF000000 | 0x010101 * x),
                "png", dir.resolve("opaque-gray.png"));
        assertThat(ImageFixtures.pngColourType(colour)).isEqualTo(6);

        LoadedImage colourImage = loader.load(colour);
        LoadedImage grayImage = loader.load(gray);

        assertThat(colourImage.colourModel()).isEqualTo("RGBA");
        assertThat(colourImage.pixels().bandCount()).isEqualTo(3);
        assertThat(grayImage.colourModel()).isEqualTo("RGBA (R=G=B, read as grayscale)");
        assertThat(grayImage.pixels().isGray()).isTrue();
        assertThat(grayImage.pixels().sample(0, 7, 0)).isEqualTo(7);
    }

    @Test
    void translucentRgbaKeepsAlphaAndRangeIgnoresIt() throws Exception {
        Path file = write(argbImage(8, 8, BufferedImage.TYPE_INT_ARGB, (x, y) -> (x * 16) << 24 | 0x404040),
                "png", dir.resolve("translucent.png"));

        PixelData p = loader.load(file).pixels();

        assertThat(p.bandCount()).isEqualTo(4);
        assertThat(p.hasAlpha()).isTrue();
        assertThat(p.opaque()).isFalse();
        assertThat(p.sample(3, 3, 0)).isEqualTo(48);
        // Equal colour bands do not make it gray while alpha still carries information.
        assertThat(p.isGray()).isFalse();
        assertThat(p.valueRange()).containsExactly(0x40, 0x40);
    }

    @Test
    void palettePngIsExpandedToItsColours() throws Exception {
        Path file = write(ImageFixtures.colourPalette(8, 4), "png", dir.resolve("palette.png"));
        assertThat(ImageFixtures.pngColourType(file)).isEqualTo(3);

        LoadedImage image = loader.load(file);

        assertThat(image.colourModel()).isEqualTo("palette");
        PixelData p = image.pixels();
        assertThat(p.bandCount()).isEqualTo(3);
        assertThat(new int[] {p.sample(0, 1, 0), p.sample(1, 1, 0), p.sample(2, 1, 0)}).containsExactly(0, 255, 0);
        assertThat(new int[] {p.sample(0, 3, 0), p.sample(1, 3, 0), p.sample(2, 3, 0)})
                .containsExactly(255, 255, 0);
    }

    @Test
    void oneBitPngIsStretchedToBlackAndWhite() throws Exception {
        BufferedImage bits = new BufferedImage(10, 2, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < 10; x++) {
            bits.getRaster().setSample(x, 0, 0, x % 2);
        }
        Path file = write(bits, "png", dir.resolve("bits.png"));
        assertThat(ImageFixtures.pngBitDepth(file)).isEqualTo(1);

        PixelData p = loader.load(file).pixels();

        assertThat(p.isGray()).isTrue();
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.sample(0, 0, 0)).isZero();
        assertThat(p.sample(0, 1, 0)).isEqualTo(255);
        assertThat(p.valueRange()).containsExactly(0, 255);
    }

    @Test
    void grayJpeg() throws Exception {
        Path file = write(ImageFixtures.grayRamp(64, 48), "jpeg", dir.resolve("gray.jpg"));

        LoadedImage image = loader.load(file);

        assertThat(image.format()).isEqualTo("JPEG");
        assertThat(image.colourModel()).isEqualTo("grayscale");
        assertThat(image.pixels().bandCount()).isEqualTo(1);
        assertThat(image.pixels().width()).isEqualTo(64);
        // Lossy: the ramp survives within a few levels.
        assertThat(image.pixels().sample(0, 32, 20)).isBetween(120, 136);
    }

    /** The JDK's own JPEG reader would decode it as an all-black film, which a model would then classify. */
    @Test
    void cmykJpegWithoutAProfileIsRefusedNotReadAsBlack() throws Exception {
        Path file = dir.resolve("cmyk.jpg");
        try (InputStream in = getClass().getResourceAsStream("/imaging/cmyk-no-profile.jpg")) {
            Files.copy(in, file);
        }

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("ICC");
    }

    @Test
    void colourJpeg() throws Exception {
        Path file = write(argbImage(32, 32, BufferedImage.TYPE_INT_RGB, (x, y) -> 0xC02020),
                "jpeg", dir.resolve("red.jpg"));

        LoadedImage image = loader.load(file);

        assertThat(image.format()).isEqualTo("JPEG");
        assertThat(image.colourModel()).isEqualTo("RGB");
        assertThat(image.pixels().sample(0, 16, 16)).isBetween(0xB0, 0xD0);
        assertThat(image.pixels().sample(1, 16, 16)).isBetween(0x10, 0x30);
    }

    @Test
    void bmpInColourAndInGray() throws Exception {
        Path colour = write(argbImage(9, 5, BufferedImage.TYPE_INT_RGB, (x, y) -> 0x00FF80 + y),
                "bmp", dir.resolve("colour.bmp"));
        Path gray = write(argbImage(9, 5, BufferedImage.TYPE_INT_RGB, (x, y) -> 0x010101 * (x * 20)),
                "bmp", dir.resolve("gray.bmp"));

        LoadedImage colourImage = loader.load(colour);
        LoadedImage grayImage = loader.load(gray);

        assertThat(colourImage.format()).isEqualTo("BMP");
        assertThat(colourImage.pixels().bandCount()).isEqualTo(3);
        assertThat(colourImage.pixels().sample(2, 0, 3)).isEqualTo(0x83);
        assertThat(grayImage.format()).isEqualTo("BMP");
        assertThat(grayImage.pixels().isGray()).isTrue();
        assertThat(grayImage.pixels().sample(0, 8, 4)).isEqualTo(160);
    }

    @Test
    void everySampleLoads() throws IOException {
        try (var files = Files.list(samples())) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).toList())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(f -> assertThat(loader.load(f).pixels().isGray()).isTrue());
        }
    }
}
