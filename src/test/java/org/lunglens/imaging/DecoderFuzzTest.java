package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a small seed corpus ({@code src/test/resources/fuzz}: PNG 8/16-bit, palette, RGBA, JPEG gray and
 * RGB, BMP, DICOM uncompressed, and a synthetic 12-bit ramp as DICOM RLE, lossless JPEG, 12-bit lossy JPEG, deflated
 * and JPEG 2000, made by dcmtk and openjpeg) through the loader: each either opens within the limits or fails with one clear
 * {@link ImageLoadException} line naming the file; nothing else escapes, and no decode allocates more than twice
 * the decoding budget (measured on the decoding thread), whatever size the damaged header declares.
 */
class DecoderFuzzTest {
    private static final List<String> SEEDS = List.of("gray8.png", "gray16.png", "palette.png", "rgba.png",
            "gray.jpg", "rgb.jpg", "gray8.bmp", "gray8.dcm", "gray12-rle.dcm", "gray12-jpegll.dcm", "gray12-jpeg12.dcm",
            "gray12-deflated.dcm", "gray12-j2k.dcm");
    /** Small limits so a damaged header can ask for more than the budget within a few hundred tries. */
    private static final ImageLimits LIMITS = new ImageLimits(4096, 4_000_000, 1 << 20, 32L << 20);
    private static final long MAX_ALLOCATED = 2 * LIMITS.maxDecodedBytes() + (16 << 20);
    private static final int TRIES = 1600;

    private final ImageLoader loader = new ImageLoader(LIMITS);

    @TempDir
    Path dir;

    @Test
    void damagedImagesOpenWithinLimitsOrFailWithOneClearLine() throws Exception {
        long base = Mutations.baseSeed();
        for (int i = 0; i < TRIES; i++) {
            long mutation = base + i;
            tryOne(SEEDS.get(Math.floorMod(mutation, SEEDS.size())), mutation);
        }
    }

    private void tryOne(String seed, long mutation) throws Exception {
        byte[] bytes = Mutations.mutate(resource(seed), mutation);
        Path file = Files.write(dir.resolve(mutation + "-" + seed), bytes);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try {
            LoadedImage image = loader.load(file);
            assertThat((long) image.pixels().width() * image.pixels().height()).isLessThanOrEqualTo(LIMITS.maxPixels());
        } catch (ImageLoadException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        } catch (RuntimeException | Error e) {
            throw new AssertionError("mutation seed " + mutation + " of " + seed + " escaped the loader: " + e, e);
        } finally {
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated decoding %s", file).isLessThan(MAX_ALLOCATED);
            assertThat(System.nanoTime() - start).as("nanoseconds decoding %s", file).isLessThan(10_000_000_000L);
            Files.delete(file);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DecoderFuzzTest.class.getResourceAsStream("/fuzz/" + name)) {
            assertThat(in).as("seed " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
