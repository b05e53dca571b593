package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose headers declare more pixels than the memory budget are refused from the header, quickly, with one
 * clear line (issue 25, item 4). Each test would take gigabytes, or end in an OutOfMemoryError or a
 * NegativeArraySizeException, if the decoder ran first.
 */
@Timeout(30)
class ImageBombTest {
    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    @Test
    void dicomDeclaring46000SquareIsRefusedFromItsHeader() throws Exception {
        Path bomb = Dcmtk.uncompressedRamp(dir, "bomb46k.dcm");
        Dcmtk.modify(bomb, "(0028,0010)=46000", "(0028,0011)=46000");
        assertThat(Files.size(bomb)).isLessThan(10_000);

        assertRefusedQuickly(bomb, bomb + ": image too large (46000 x 46000 px; the limit is 16,384 px a side");
    }

    @Test
    void dicomDeclaring65535SquareIsRefusedNotANegativeArraySize() throws Exception {
        Path bomb = Dcmtk.uncompressedRamp(dir, "bomb64k.dcm");
        Dcmtk.modify(bomb, "(0028,0010)=65535", "(0028,0011)=65535", "(0028,0100)=16");

        assertRefusedQuickly(bomb, bomb + ": image too large (65535 x 65535 px;");
    }

    @Test
    void aDicomFrameWithinTheSideLimitIsRefusedByTheBudget() throws Exception {
        Path bomb = Dcmtk.uncompressedRamp(dir, "frames.dcm");
        Dcmtk.modify(bomb, "(0028,0010)=12000", "(0028,0011)=12000", "(0028,0008)=50");

        assertRefusedQuickly(bomb, bomb + ": image too large to open safely (12000 x 12000 px, 8-bit gray, first of 50 "
                + "frames: about 823 MB while decoding; the limit is 512 MB)");
    }

    @Test
    void multiFrameDicomIsBudgetedForTheOneFrameItDecodesAndItsShortDataRefused() throws Exception {
        // LungLens decodes the first frame only: 50 frames of 8000 x 8000 px are not all allocated, and the file's
        // few kilobytes of pixel data are found short before anything is.
        Path bomb = Dcmtk.uncompressedRamp(dir, "frames.dcm");
        Dcmtk.modify(bomb, "(0028,0010)=8000", "(0028,0011)=8000", "(0028,0008)=50");

        assertRefusedQuickly(bomb, bomb + ": the DICOM file is truncated (3,072 bytes of pixel data; its header "
                + "promises 64,000,000 a frame)");
    }

    @Test
    void aSizeInsideASequenceIsNotTheFilms() throws Exception {
        // An icon image sequence comes after the film's own group 0028 and carries its own rows and columns.
        Path film = Dcmtk.uncompressedRamp(dir, "with-icon.dcm");
        Dcmtk.modify(film, "(0088,0200)[0].(0028,0010)=40000", "(0088,0200)[0].(0028,0011)=40000");

        LoadedImage image = loader.load(film);

        assertThat(image.pixels().width()).isEqualTo(64);
        assertThat(image.pixels().height()).isEqualTo(48);
    }

    @Test
    void aDicomElementLongerThanTheFileIsRefusedBeforeAnythingIsAllocatedForIt() throws Exception {
        Path film = Dcmtk.uncompressedRamp(dir, "long-element.dcm");
        byte[] bytes = Files.readAllBytes(film);
        // The first element after the preamble and "DICM", (0002,0000) UL, gets a two-byte length of 0xBEBE.
        bytes[138] = (byte) 0xBE;
        bytes[139] = (byte) 0xBE;
        Files.write(film, bytes);

        assertRefusedQuickly(film, film + ": the DICOM file is corrupt (element (0002,0000) declares 48,830 bytes");
    }

    @Test
    void sixteenBitRgbaPngOf14000SquareIsRefusedByTheBudget() throws Exception {
        // Inside the side and pixel-count limits (14,000 < 16,384; 196 < 200 megapixels): only the budget stops it.
        Path bomb = Files.write(dir.resolve("rgba16.png"), ImageFixtures.pngHeaderOnly(14_000, 14_000, 16, 6));

        assertRefusedQuickly(bomb, bomb + ": image too large to open safely (14000 x 14000 px, 16-bit RGBA: "
                + "about 2,990 MB while decoding; the limit is 512 MB)");
    }

    @Test
    void jpegDeclaring16000By12000IsRefusedByTheBudget() throws Exception {
        byte[] jpeg = ImageFixtures.encode(ImageFixtures.argbImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB,
                (x, y) -> x * 0x100000 + y * 0x1000), "jpeg");
        Path bomb = Files.write(dir.resolve("huge.jpg"), ImageFixtures.withJpegSize(jpeg, 16_000, 12_000));
        assertThat(Files.size(bomb)).isLessThan(10_000);

        assertRefusedQuickly(bomb, bomb + ": image too large to open safely (16000 x 12000 px, 8-bit RGB: ");
    }

    @Test
    void bmpDeclaring12000SquareIsRefusedByTheBudget() throws Exception {
        Path bomb = Files.write(dir.resolve("huge.bmp"), ImageFixtures.bmpHeaderOnly(12_000, 12_000, 32));

        assertRefusedQuickly(bomb, bomb + ": image too large to open safely (12000 x 12000 px");
    }

    @Test
    void aFilmWithinTheBudgetStillOpens() throws Exception {
        Path film = ImageFixtures.write(ImageFixtures.grayNoise(2000, 1500, 7), "png", dir.resolve("film.png"));

        assertThat(loader.load(film).pixels().width()).isEqualTo(2000);
    }

    private void assertRefusedQuickly(Path bomb, String messageStart) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> loader.load(bomb)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
