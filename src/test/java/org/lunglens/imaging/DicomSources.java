package org.lunglens.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Source DICOMs for the codec tests, written in explicit VR little endian by {@link DicomWriter} from one film of
 * the shared data set (128 x 128, 8-bit), stretched and salted with a pattern to fill 12 and 16 bits.
 */
public final class DicomSources {
    public static final int SIZE = 128;

    /** What the source holds; each is compressed into every syntax that can carry it. */
    public enum Kind {
        GRAY8(8), GRAY12(12), GRAY16(16), SIGNED16(16), MONO1(8), RGB8(8), PALETTE8(8), FRAMES3(8);

        public final int bits;

        Kind(int bits) {
            this.bits = bits;
        }

        public boolean colour() {
            return this == RGB8 || this == PALETTE8;
        }
    }

    private DicomSources() {
    }

    /** The film's 8-bit samples, row by row; the test is skipped without the shared data. */
    public static int[] film() throws IOException {
        Path png = Path.of(System.getProperty("lunglens.shared", "../shared"), "data", "covid19-radiography-128",
                "Normal", "Normal-1.png");
        Assumptions.assumeTrue(Files.isRegularFile(png), "shared data set missing: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        int[] out = new int[SIZE * SIZE];
        image.getRaster().getSamples(0, 0, SIZE, SIZE, 0, out);
        return out;
    }

    /** The stored samples of a kind, band by band ({@link Kind#FRAMES3}: the first frame). */
    public static int[][] stored(Kind kind) throws IOException {
        int[] f = film();
        int n = f.length;
        int[][] out = new int[kind == Kind.RGB8 ? 3 : 1][n];
        for (int i = 0; i < n; i++) {
            int salt = i * 37 % 251;
            switch (kind) {
                case GRAY12 -> out[0][i] = f[i] * 16 + salt % 16;
                case GRAY16, SIGNED16 -> out[0][i] = f[i] * 256 + salt;
                case RGB8 -> {
                    out[0][i] = f[i];
                    out[1][i] = 255 - f[i];
                    out[2][i] = salt;
                }
                default -> out[0][i] = f[i];
            }
        }
        return out;
    }

    public static Path write(Kind kind, Path file) throws IOException {
        int[][] s = stored(kind);
        int allocated = kind.bits > 8 ? 16 : 8;
        String photometric = switch (kind) {
            case MONO1 -> "MONOCHROME1";
            case RGB8 -> "RGB";
            case PALETTE8 -> "PALETTE COLOR";
            default -> "MONOCHROME2";
        };
        DicomWriter w = DicomWriter.image(SIZE, SIZE, s.length, allocated, kind.bits, kind == Kind.SIGNED16,
                photometric);
        int[] interleaved = new int[s.length * s[0].length];
        for (int i = 0; i < s[0].length; i++) {
            for (int b = 0; b < s.length; b++) {
                // Signed: the stored value is the sample less 32768, as two's complement bits.
                interleaved[i * s.length + b] = kind == Kind.SIGNED16 ? (s[b][i] - 32768) & 0xFFFF : s[b][i];
            }
        }
        if (kind == Kind.FRAMES3) {
            int n = s[0].length;
            int[] frames = new int[3 * n];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < n; i++) {
                    frames[k * n + i] = (s[0][i] + 60 * k) & 0xFF;
                }
            }
            interleaved = frames;
            w.text(0x00280008, "IS", "3");
        }
        if (kind == Kind.PALETTE8) {
            int[][] lut = paletteLut();
            for (int b = 0; b < 3; b++) {
                w.us(0x00281101 + b, 256, 0, 16).ow(0x00281201 + b, lut[b]);
            }
        }
        w.pixels(allocated, interleaved);
        return w.write(file, "1.2.840.10008.1.2.1", null);
    }

    /** Red rises, green falls, blue cycles; 16-bit entries that are multiples of 257 so 8-bit output is exact. */
    public static int[][] paletteLut() {
        int[][] lut = new int[3][256];
        for (int v = 0; v < 256; v++) {
            lut[0][v] = v * 257;
            lut[1][v] = (255 - v) * 257;
            lut[2][v] = (v * 3 & 255) * 257;
        }
        return lut;
    }

    /** The JPEG 2000 wrapping of a kind's first frame: an {@code opj_compress} code stream in one fragment. */
    public static Path writeJpeg2000(Kind kind, byte[] codestream, boolean lossless, Path file) throws IOException {
        int[][] s = stored(kind);
        DicomWriter w = DicomWriter.image(SIZE, SIZE, s.length, kind.bits > 8 ? 16 : 8, kind.bits, false,
                s.length == 3 ? (lossless ? "YBR_RCT" : "YBR_ICT") : "MONOCHROME2");
        return w.write(file, lossless ? "1.2.840.10008.1.2.4.90" : "1.2.840.10008.1.2.4.91", List.of(codestream));
    }
}
