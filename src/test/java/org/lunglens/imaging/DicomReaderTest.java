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
    void jpegBaselineFromImg2dcmOpensLikeTheJpegItself() throws Exception {
        LoadedImage image = loader.load(compressed);

        assertThat(image.tags()).containsEntry("Transfer syntax", "JPEG Baseline (process 1)");
        PixelData fromJpeg = loader.load(jpeg).pixels();
        for (int i = 0; i < 64 * 48; i++) {
            assertThat(image.pixels().sample(0, i)).isEqualTo(fromJpeg.sample(0, i));
        }
    }

    @Test
    void jpegLsIsRefusedWithAdvice() throws Exception {
        Path ls = dir.resolve("ls.dcm");
        dcmtk("dcmcjpls", uncompressed("for-ls.dcm").toString(), ls.toString());

        assertThatThrownBy(() -> loader.load(ls)).isInstanceOf(ImageLoadException.class)
                .hasMessage(ls + ": unsupported DICOM transfer syntax JPEG-LS Lossless; LungLens decodes uncompressed,"
                        + " deflated, RLE, JPEG (baseline, extended, lossless) and JPEG 2000 pixel data: convert it to"
                        + " one of those (e.g. dcmtk's dcmdjpls, gdcmconv --raw)");
    }

    @Test
    void rescaleSlopeAndInterceptGiveTheFilesOwnValues() throws Exception {
        Path file = rewritten(DicomSources.Kind.SIGNED16, "(0028,1053)=2", "(0028,1052)=-1024",
                "(0028,1054)=HU");

        LoadedImage image = loader.load(file);

        int[] stored = DicomSources.stored(DicomSources.Kind.SIGNED16)[0];
        ValueScale scale = image.valueScale();
        for (int i = 0; i < stored.length; i += 97) {
            // The source's sample s is stored as s - 32768 (signed): its value is 2 * (s - 32768) - 1024.
            assertThat(image.pixels().sample(0, i)).isEqualTo(stored[i]);
            assertThat(scale.value(image.pixels().sample(0, i))).isEqualTo(2.0 * (stored[i] - 32768) - 1024);
        }
        assertThat(scale.format(32768)).isEqualTo("-1024 HU");
    }

    @Test
    void theFilesWindowIsTheInitialWindowNotTheFullRange() throws Exception {
        Path linear = rewritten(DicomSources.Kind.GRAY16, "(0028,1050)=40000\\1000", "(0028,1051)=30000\\500");
        Path exact = rewritten(DicomSources.Kind.GRAY16, "(0028,1050)=40000", "(0028,1051)=30000",
                "(0028,1056)=LINEAR_EXACT");

        // PS3.3 C.11.2.1.2: LINEAR spans c - 0.5 -/+ (w - 1) / 2; LINEAR_EXACT c -/+ w / 2; the first pair counts.
        assertThat(loader.load(linear).initialWindow()).contains(ValueWindow.between(25_000, 54_999));
        assertThat(loader.load(exact).initialWindow()).contains(ValueWindow.between(25_000, 55_000));
        assertThat(loader.load(uncompressed("plain.dcm")).initialWindow()).isEmpty();
    }

    @Test
    void aVoiLutSequenceGivesTheWindowWhereItRises() throws Exception {
        int[] lut = new int[4096];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = Math.max(0, Math.min(4095, (i - 1000) * 2)); // flat until 1000, rises to 4095 at 3047
        }
        DicomWriter item = new DicomWriter().us(0x00283002, 4096, 100, 12).ow(0x00283006, lut);
        Path file = DicomSources.write(DicomSources.Kind.GRAY12, dir.resolve("voi.dcm"));
        Path withLut = dir.resolve("voi-lut.dcm");
        DicomWriter.image(2, 2, 1, 16, 12, false, "MONOCHROME2").sequence(0x00283010, item)
                .pixels(16, new int[] {0, 1000, 3000, 4095}).write(withLut, "1.2.840.10008.1.2.1", null);

        assertThat(loader.load(withLut).initialWindow()).contains(ValueWindow.between(100 + 1000, 100 + 3048));
        assertThat(loader.load(file).initialWindow()).isEmpty();
    }

    @Test
    void pixelSpacingAndPatientDetailsAreRead() throws Exception {
        Path file = rewritten(DicomSources.Kind.GRAY8, "(0028,0030)=0.143\\0.139", "(0018,1164)=0.16\\0.16",
                "(0010,0010)=Doe^Jane^Q", "(0010,0020)=P-0042", "(0010,0030)=19480307", "(0010,0040)=F");
        Path detector = rewritten(DicomSources.Kind.GRAY8, "(0018,1164)=0.16\\0.15");

        LoadedImage image = loader.load(file);

        assertThat(image.pixelSpacing()).contains(new PixelSpacing(0.143, 0.139, "Pixel Spacing"));
        assertThat(loader.load(detector).pixelSpacing()).contains(new PixelSpacing(0.16, 0.15,
                "Imager Pixel Spacing"));
        assertThat(image.dicomInfo().orElseThrow().patient())
                .isEqualTo(new org.lunglens.imaging.dicom.PatientDetails("P-0042", "Doe, Jane Q", "1948-03-07", "F"));
        assertThat(image.dicomInfo().orElseThrow().elements()).extracting(e -> e.tagText())
                .contains("(0002,0010)", "(0010,0010)", "(0028,0030)", "(7FE0,0010)");
    }

    @Test
    void aDeflatedDataSetThatInflatesBeyondTheBudgetIsRefused() throws Exception {
        Path plain = dir.resolve("zeros.dcm");
        DicomWriter.image(2000, 2000, 1, 16, 16, false, "MONOCHROME2").pixels(16, new int[2000 * 2000])
                .write(plain, "1.2.840.10008.1.2.1", null);
        Path deflated = dir.resolve("zeros-deflated.dcm");
        dcmtk("dcmconv", "+td", plain.toString(), deflated.toString());
        assertThat(Files.size(deflated)).isLessThan(100_000);
        ImageLoader small = new ImageLoader(new ImageLimits(4096, 20_000_000, 1 << 20, 4L << 20));

        assertThatThrownBy(() -> small.load(deflated)).isInstanceOf(ImageLoadException.class)
                .hasMessage(deflated + ": the deflated DICOM data set inflates to more than 4 MB; LungLens does not"
                        + " open it");
    }

    /** A source of {@code kind} with tags set by dcmodify. */
    private Path rewritten(DicomSources.Kind kind, String... assignments) throws Exception {
        Path file = DicomSources.write(kind, dir.resolve(kind + "-" + assignments.length + "-"
                + Math.abs(String.join("", assignments).hashCode()) + ".dcm"));
        Dcmtk.modify(file, assignments);
        return file;
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
