package org.lunglens.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lunglens.imaging.DicomCodecTest.Syntax;
import org.lunglens.imaging.DicomSources.Kind;

/**
 * The DICOM coverage benchmark (benchmarks/dicom-corpus.sh): {@code make DIR} writes a corpus with dcmtk and
 * openjpeg (every source kind in every syntax, plus JPEG 2000 and JPEG-LS); {@code check DIR...} opens every file
 * with LungLens and with dcmj2pnm, compares their samples where both open it, and prints one line a file and the
 * totals. Needs dcmtk on the PATH. Not a test: run by hand.
 */
public final class DicomCorpus {
    private DicomCorpus() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("make")) {
            make(Path.of(args[1]));
        } else if (args.length >= 2 && args[0].equals("check")) {
            List<Path> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
            check(files);
        } else {
            System.err.println("usage: DicomCorpus make DIR | check DIR...");
            System.exit(2);
        }
    }

    static void make(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path sources = Files.createDirectories(dir.resolve("sources"));
        for (Kind kind : Kind.values()) {
            Path source = DicomSources.write(kind, sources.resolve(kind + ".dcm"));
            for (Syntax syntax : Syntax.values()) {
                if (syntax.carries(kind)) {
                    Files.copy(syntax.make(source, sources), dir.resolve(kind + "-" + syntax + ".dcm"));
                }
            }
            if (kind != Kind.PALETTE8 && kind != Kind.FRAMES3 && kind != Kind.SIGNED16) {
                Dcmtk.run("dcmcjpls", source.toString(), dir.resolve(kind + "-JPEG_LS.dcm").toString());
            }
        }
        for (Kind kind : List.of(Kind.GRAY8, Kind.GRAY12, Kind.GRAY16, Kind.RGB8)) {
            for (boolean lossless : new boolean[] {true, false}) {
                int[][] s = DicomSources.stored(kind);
                Path pnm = Pnm.write(sources.resolve(kind + (s.length == 3 ? ".ppm" : ".pgm")), DicomSources.SIZE,
                        DicomSources.SIZE, (1 << kind.bits) - 1, s);
                Path j2k = sources.resolve(kind + ".j2k");
                List<String> cmd = new ArrayList<>(List.of("opj_compress", "-i", pnm.toString(), "-o", j2k.toString()));
                if (!lossless) {
                    cmd.addAll(List.of("-I", "-r", "10"));
                }
                if (new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor() == 0) {
                    DicomSources.writeJpeg2000(kind, Files.readAllBytes(j2k), lossless,
                            dir.resolve(kind + "-JPEG_2000" + (lossless ? "_LOSSLESS" : "") + ".dcm"));
                }
            }
        }
        try (Stream<Path> s = Files.walk(sources)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void check(List<Path> files) throws IOException, InterruptedException {
        ImageLoader loader = new ImageLoader();
        int both = 0;
        int onlyDcmtk = 0;
        int onlyLungLens = 0;
        int neither = 0;
        int differ = 0;
        System.out.printf(Locale.ROOT, "%-48s %-8s %-9s %-9s %s%n", "file", "dcmtk", "LungLens", "max diff",
                "LungLens' message or format");
        for (Path f : files) {
            String ours;
            LoadedImage image = null;
            try {
                image = loader.load(f);
                ours = image.colourModel() + ", " + image.tags().getOrDefault("Transfer syntax", "?");
            } catch (ImageLoadException e) {
                ours = e.getMessage().substring(Math.min(e.getMessage().length(), f.toString().length() + 2));
            }
            Pnm ref = reference(f, image);
            String diff = image != null && ref != null ? difference(image, ref) : "-";
            if (image != null && ref != null) {
                both++;
                differ += diff.equals("0") || diff.equals("-") || diff.startsWith("(") ? 0 : 1;
            } else if (ref != null) {
                onlyDcmtk++;
            } else if (image != null) {
                onlyLungLens++;
            } else {
                neither++;
            }
            System.out.printf(Locale.ROOT, "%-48s %-8s %-9s %-9s %s%n", f.getFileName(), ref != null ? "opens" : "fails",
                    image != null ? "opens" : "refuses", diff, ours.length() > 150 ? ours.substring(0, 150) : ours);
        }
        System.out.printf(Locale.ROOT, "%n%d files: dcmj2pnm opens %d, LungLens opens %d; both %d (samples differ in "
                + "%d, lossy ones within a few levels), only dcmj2pnm %d, only LungLens %d, neither %d%n",
                files.size(), both + onlyDcmtk, both + onlyLungLens, both, differ, onlyDcmtk, onlyLungLens, neither);
    }

    /** dcmj2pnm's stored values (no modality LUT, no window, identity presentation), or null if it fails. */
    private static Pnm reference(Path f, LoadedImage image) throws InterruptedException, IOException {
        int bits = 8;
        if (image != null && image.pixels().isGray()) {
            bits = Math.min(16, Integer.parseInt(image.tags().getOrDefault("Bits stored", "8").split("\\\\")[0]
                    .strip()));
        }
        Path out = Files.createTempFile("dcmj2pnm", ".pnm");
        try {
            Process p = new ProcessBuilder("dcmj2pnm", "-M", "+Pid", "-O", "+opn", String.valueOf(bits), f.toString(),
                    out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0 && Files.size(out) > 0 ? Pnm.read(out) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Largest sample difference, in LungLens' terms; "(n/a)" where the two do not hold comparable samples. */
    private static String difference(LoadedImage image, Pnm ref) {
        PixelData p = image.pixels();
        if (p.width() != ref.width() || p.height() != ref.height() || p.bandCount() != ref.bands().length
                || image.colourModel().contains("spread over 16 bits")) {
            return "(n/a)";
        }
        boolean mono1 = image.colourModel().contains("MONOCHROME1");
        int[] range = {java.util.Arrays.stream(ref.bands()[0]).min().orElse(0),
            java.util.Arrays.stream(ref.bands()[0]).max().orElse(0)};
        boolean wideColour = !p.isGray() && p.bitDepth() == 16;
        int worst = 0;
        for (int b = 0; b < ref.bands().length; b++) {
            for (int i = 0; i < ref.bands()[b].length; i++) {
                int theirs = mono1 ? range[0] + range[1] - ref.bands()[b][i] : ref.bands()[b][i];
                int ours = wideColour ? (int) Math.round(p.sample(b, i) * 255.0 / 65535) : p.sample(b, i);
                worst = Math.max(worst, Math.abs(ours - theirs));
            }
        }
        return String.valueOf(worst);
    }
}
