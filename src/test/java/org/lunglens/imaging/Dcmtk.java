package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

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

/** dcmtk's command-line tools for tests that make DICOM files; the test is skipped where dcmtk is missing. */
public final class Dcmtk {
    private Dcmtk() {
    }

    /** An uncompressed 8-bit MONOCHROME2 DICOM of a 64 x 48 ramp, made from a JPEG by img2dcm and dcmdjpeg. */
    public static Path uncompressedRamp(Path dir, String name) throws IOException, InterruptedException {
        Path jpeg = ImageFixtures.write(ImageFixtures.grayRamp(64, 48), "jpeg", dir.resolve(name + ".jpg"));
        Path compressed = dir.resolve(name + "-jpeg.dcm");
        run("img2dcm", jpeg.toString(), compressed.toString());
        Path out = dir.resolve(name);
        run("dcmdjpeg", compressed.toString(), out.toString());
        return out;
    }

    /** Sets tags, e.g. {@code "(0028,0010)=46000"}, inserting missing ones. */
    public static void modify(Path file, String... assignments) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-nb"));
        for (String a : assignments) {
            args.addAll(List.of("-i", a));
        }
        args.add(file.toString());
        run("dcmodify", args.toArray(String[]::new));
    }

    /**
     * The reference decode: dcmj2pnm's {@code bits}-bit ASCII PGM/PPM of frame {@code frame} (1-based), without the
     * modality transform ({@code -M}: stored values), without a VOI window and with an identity presentation LUT
     * ({@code +Pid}: MONOCHROME1 is not inverted) and no overlays ({@code -O}), so it holds the stored values (signed ones shifted by half their
     * range).
     */
    public static Pnm reference(Path dicom, int bits, int frame) throws IOException, InterruptedException {
        Path out = dicom.resolveSibling(dicom.getFileName() + ".ref.pnm");
        run("dcmj2pnm", "-M", "+Pid", "-O", "+F", String.valueOf(frame), "+opn", String.valueOf(bits),
                dicom.toString(), out.toString());
        return Pnm.read(out);
    }

    public static Optional<Path> find(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }

    public static void run(String tool, String... args) throws IOException, InterruptedException {
        Optional<Path> exe = find(tool);
        Assumptions.assumeTrue(exe.isPresent(), tool + " (dcmtk) is not installed");
        List<String> command = new ArrayList<>(List.of(exe.get().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(tool + " output: " + output).isZero();
    }
}
