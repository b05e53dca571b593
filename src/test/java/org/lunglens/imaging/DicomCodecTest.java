package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lunglens.imaging.DicomSources.Kind;

/**
 * Every transfer syntax LungLens decodes, against a reference decoder: dcmtk makes each file from our sources
 * ({@code dcmconv}, {@code dcmcrle}, {@code dcmcjpeg}) and {@code dcmj2pnm} decodes it; lossless syntaxes must
 * match it sample for sample. dcmtk writes no JPEG 2000: those files are openjpeg's {@code opj_compress} code
 * streams wrapped by {@link DicomWriter}, checked against the source (lossless) and {@code opj_decompress}.
 * Skipped where the tools are missing; CI installs them.
 */
class DicomCodecTest {
    /** How dcmtk turns the explicit little endian source into each syntax. */
    enum Syntax {
        EXPLICIT_LITTLE("Explicit VR Little Endian", false),
        IMPLICIT_LITTLE("Implicit VR Little Endian", false, "dcmconv", "+ti"),
        EXPLICIT_BIG("Explicit VR Big Endian", false, "dcmconv", "+tb"),
        DEFLATED("Deflated Explicit VR Little Endian", false, "dcmconv", "+td"),
        RLE("RLE Lossless", false, "dcmcrle"),
        JPEG_LOSSLESS_SV1("JPEG Lossless (process 14, SV1)", false, "dcmcjpeg", "+e1"),
        JPEG_LOSSLESS("JPEG Lossless (process 14)", false, "dcmcjpeg", "+el", "+sv", "6"),
        JPEG_BASELINE("JPEG Baseline (process 1)", true, "dcmcjpeg", "+eb"),
        JPEG_EXTENDED("JPEG Extended (process 2 & 4)", true, "dcmcjpeg", "+ee");

        final String label;
        final boolean lossy;
        final String[] command;

        Syntax(String label, boolean lossy, String... command) {
            this.label = label;
            this.lossy = lossy;
            this.command = command;
        }

        boolean carries(Kind kind) {
            return switch (this) {
                case JPEG_BASELINE -> kind.bits == 8 && kind != Kind.PALETTE8;
                // 12-bit: our own DCT decoder (Java's JPEG reader refuses 12-bit lossy JPEG)
                case JPEG_EXTENDED -> kind.bits <= 12 && kind != Kind.PALETTE8;
                default -> true;
            };
        }

        Path make(Path source, Path dir) throws Exception {
            if (command.length == 0) {
                return source;
            }
            Path out = dir.resolve(source.getFileName() + "." + name() + ".dcm");
            List<String> args = new ArrayList<>(List.of(command).subList(1, command.length));
            args.add(source.toString());
            args.add(out.toString());
            Dcmtk.run(command[0], args.toArray(String[]::new));
            return out;
        }
    }

    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Syntax s : Syntax.values()) {
            for (Kind k : Kind.values()) {
                if (s.carries(k)) {
                    out.add(Arguments.of(k, s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void decodesLikeDcmj2pnm(Kind kind, Syntax syntax) throws Exception {
        Path file = syntax.make(DicomSources.write(kind, dir.resolve(kind + ".dcm")), dir);

        LoadedImage image = loader.load(file);

        assertThat(image.tags()).containsEntry("Transfer syntax", syntax.label);
        assertThat(image.frameCount()).isEqualTo(kind == Kind.FRAMES3 ? 3 : 1);
        Pnm ref = Dcmtk.reference(file, kind.colour() ? 8 : kind.bits, 1);
        int[][] expected = expected(kind, ref);
        PixelData p = image.pixels();
        assertThat(p.bandCount()).isEqualTo(expected.length);
        int worst = 0;
        for (int b = 0; b < expected.length; b++) {
            for (int i = 0; i < expected[b].length; i++) {
                int ours = kind == Kind.PALETTE8 ? p.sample(b, i) / 257 : p.sample(b, i);
                worst = Math.max(worst, Math.abs(ours - expected[b][i]));
            }
        }
        // Lossy JPEG: the same IJG-derived DCT in both, yet rounding may differ in a level or two.
        assertThat(worst).as("largest difference from dcmj2pnm").isLessThanOrEqualTo(syntax.lossy ? 2 : 0);
    }

    /** dcmj2pnm's stored values in LungLens' terms: MONOCHROME1 inverted over the film's own range. */
    private static int[][] expected(Kind kind, Pnm ref) {
        if (kind != Kind.MONO1) {
            return ref.bands();
        }
        int[] stored = ref.bands()[0];
        int lo = java.util.Arrays.stream(stored).min().orElse(0);
        int hi = java.util.Arrays.stream(stored).max().orElse(0);
        return new int[][] {java.util.Arrays.stream(stored).map(v -> lo + hi - v).toArray()};
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"GRAY8", "GRAY12", "GRAY16", "RGB8"})
    void jpeg2000LosslessGivesTheSourceBack(Kind kind) throws Exception {
        Path file = jpeg2000(kind, true);

        LoadedImage image = loader.load(file);

        assertThat(image.tags()).containsEntry("Transfer syntax", "JPEG 2000 (lossless only)");
        int[][] source = DicomSources.stored(kind);
        Pnm ref = Pnm.read(opj("opj_decompress", file.resolveSibling(kind + ".j2k"), dir.resolve(kind + "-ref."
                + (source.length == 3 ? "ppm" : "pgm"))));
        for (int b = 0; b < source.length; b++) {
            for (int i = 0; i < source[b].length; i++) {
                assertThat(image.pixels().sample(b, i)).isEqualTo(source[b][i]).isEqualTo(ref.bands()[b][i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"GRAY8", "GRAY16", "RGB8"})
    void jpeg2000LossyDecodesLikeOpenJpeg(Kind kind) throws Exception {
        Path file = jpeg2000(kind, false);

        LoadedImage image = loader.load(file);

        assertThat(image.tags()).containsEntry("Transfer syntax", "JPEG 2000");
        Pnm ref = Pnm.read(opj("opj_decompress", file.resolveSibling(kind + ".j2k"), dir.resolve(kind + "-ref."
                + (kind == Kind.RGB8 ? "ppm" : "pgm"))));
        int worst = 0;
        for (int b = 0; b < ref.bands().length; b++) {
            for (int i = 0; i < ref.bands()[b].length; i++) {
                worst = Math.max(worst, Math.abs(image.pixels().sample(b, i) - ref.bands()[b][i]));
            }
        }
        assertThat(worst).as("largest difference from opj_decompress").isLessThanOrEqualTo(kind.bits > 8 ? 4 : kind == Kind.RGB8 ? 2 : 1);
    }

    /** The kind's first frame through opj_compress (reversible 5/3, or irreversible 9/7 at 10:1), wrapped. */
    private Path jpeg2000(Kind kind, boolean lossless) throws Exception {
        int[][] s = DicomSources.stored(kind);
        Path pnm = Pnm.write(dir.resolve(kind + (s.length == 3 ? ".ppm" : ".pgm")), DicomSources.SIZE,
                DicomSources.SIZE, (1 << kind.bits) - 1, s);
        Path j2k = dir.resolve(kind + ".j2k");
        if (lossless) {
            opj("opj_compress", pnm, j2k);
        } else {
            opj("opj_compress", pnm, j2k, "-I", "-r", "10");
        }
        return DicomSources.writeJpeg2000(kind, Files.readAllBytes(j2k), lossless, dir.resolve(kind + "-j2k.dcm"));
    }

    private static Path opj(String tool, Path in, Path out, String... options) throws Exception {
        Assumptions.assumeTrue(Dcmtk.find(tool).isPresent(), tool + " (openjpeg) is not installed");
        List<String> args = new ArrayList<>(List.of("-i", in.toString(), "-o", out.toString()));
        args.addAll(List.of(options));
        Process p = new ProcessBuilder(Stream.concat(Stream.of(tool), args.stream()).toList())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(tool + ": " + log).isZero();
        return out;
    }
}
