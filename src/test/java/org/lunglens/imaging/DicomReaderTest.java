package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM files made at test time by dcmtk ({@code img2dcm}, {@code dcmdjpeg}, {@code dcmodify}) from a JPEG
 * written here; skipped where dcmtk is not installed.
 */
class DicomReaderTest {
    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    private Path jpeg;
    private Path compressed;

    @BeforeEach
    void makeCompressedDicom() throws Exception {
        jpeg = ImageFixtures.write(ImageFixtures.grayRamp(64, 48), "jpeg", dir.resolve("ramp.jpg"));
        compressed = dir.resolve("ramp-jpeg.dcm");
        dcmtk("img2dcm", jpeg.toString(), compressed.toString());
        dcmtk("dcmodify", "-nb", "-i", "(0008,0060)=CR", "-i", "(0010,0010)=Test^Patient",
                "-i", "(0018,0015)=CHEST", compressed.toString());
    }

    @Test
    void uncompressedMonochrome2KeepsSamplesAndTags() throws Exception {
        Path dicom = uncompressed("ramp.dcm");

        LoadedImage image = loader.load(dicom);

        assertThat(image.format()).isEqualTo("DICOM");
        assertThat(image.colourModel()).isEqualTo("grayscale, MONOCHROME2");
        assertThat(image.tags()).containsEntry("Modality", "CR")
                .containsEntry("Photometric interpretation", "MONOCHROME2")
                .containsEntry("Patient name", "Test^Patient")
                .containsEntry("Body part", "CHEST")
                .containsEntry("Bits stored", "8");
        PixelData p = image.pixels();
        assertThat(p.width()).isEqualTo(64);
        assertThat(p.height()).isEqualTo(48);
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.isGray()).isTrue();
        // dcmtk's libjpeg and Java's decoder may differ by a level or two on the same JPEG.
        PixelData fromJpeg = loader.load(jpeg).pixels();
        for (int i = 0; i < 64 * 48; i++) {
            assertThat(p.sample(0, i)).isCloseTo(fromJpeg.sample(0, i), offset(3));
        }
    }

    @Test
    void monochrome1IsInvertedForDisplay() throws Exception {
        Path mono2 = uncompressed("mono2.dcm");
        Path mono1 = uncompressed("mono1.dcm");
        dcmtk("dcmodify", "-nb", "-m", "(0028,0004)=MONOCHROME1", mono1.toString());

        LoadedImage normal = loader.load(mono2);
        LoadedImage inverted = loader.load(mono1);

        assertThat(inverted.tags()).containsEntry("Photometric interpretation", "MONOCHROME1");
        assertThat(inverted.colourModel()).isEqualTo("grayscale, MONOCHROME1 (inverted for display)");
        int[] range = normal.pixels().valueRange();
        assertThat(inverted.pixels().valueRange()).containsExactly(range[0], range[1]);
        for (int i = 0; i < 64 * 48; i++) {
            assertThat(inverted.pixels().sample(0, i)).isEqualTo(range[0] + range[1] - normal.pixels().sample(0, i));
        }
        // High stored values are dark in MONOCHROME1: the ramp's bright right edge becomes dark.
        assertThat(inverted.pixels().sample(0, 63, 0)).isLessThan(inverted.pixels().sample(0, 0, 0));
    }

    @Test
    void compressedTransferSyntaxIsRefusedWithAdvice() {
        assertThatThrownBy(() -> loader.load(compressed)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(compressed + ": the DICOM file could not be decoded")
                .hasMessageContaining("compressed transfer syntaxes are not supported; export it uncompressed");
    }

    @Test
    void truncatedPixelDataIsRefused() throws Exception {
        Path whole = uncompressed("whole.dcm");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(bytes, bytes.length - 1000));

        assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(cut + ": the DICOM file is truncated");
    }

    @Test
    void sizeLimitsApplyToDicom() throws Exception {
        Path dicom = uncompressed("limited.dcm");
        ImageLoader strict = new ImageLoader(new ImageLimits(32, 1_000_000, 1 << 20));

        assertThatThrownBy(() -> strict.load(dicom)).isInstanceOf(ImageLoadException.class)
                .hasMessage(dicom + ": image too large (64 x 48 px; the limit is 32 px a side and 1 megapixels)");
    }

    private Path uncompressed(String name) throws Exception {
        Path out = dir.resolve(name);
        dcmtk("dcmdjpeg", compressed.toString(), out.toString());
        return out;
    }

    /** Runs a dcmtk tool, or skips the test when dcmtk is not on the PATH. */
    private static void dcmtk(String tool, String... args) throws IOException, InterruptedException {
        Optional<Path> exe = onPath(tool);
        Assumptions.assumeTrue(exe.isPresent(), tool + " (dcmtk) is not installed");
        List<String> command = new ArrayList<>(List.of(exe.get().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(tool + " output: " + output).isZero();
    }

    private static Optional<Path> onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }
}
