package org.lunglens.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.ImageLoadException;

/** PackBits and the byte planes of DICOM RLE, on hand-made segments (dcmcrle's output: DicomCodecTest). */
class RleDecoderTest {
    private static final Path FILE = Path.of("rle.dcm");

    @Test
    void packBitsLiteralsRunsAndTheNoOp() {
        // 2 literals (n = 1), a no-op (-128), 3 repeats of 7 (n = -2), 1 literal
        byte[] seg = {1, 10, 20, -128, -2, 7, 0, 99};
        int[] out = new int[6];

        int filled = RleDecoder.unpack(seg, 0, seg.length, out, 0);

        assertThat(filled).isEqualTo(6);
        assertThat(out).containsExactly(10, 20, 7, 7, 7, 99);
    }

    @Test
    void sixteenBitSamplesComeFromTwoPlanesHighByteFirst() throws Exception {
        PixelModule m = new PixelModule(1, 3, 1, 16, 16, 15, false, "MONOCHROME2", 0, 1);
        byte[] high = {-2, 0x12};          // 0x12 three times
        byte[] low = {2, 0x34, 0x56, 0x78}; // three literals
        byte[] frame = frame(high, low);

        RawFrame raw = RleDecoder.decode(FILE, frame, m);

        assertThat(raw.bands()[0]).containsExactly(0x1234, 0x1256, 0x1278);
    }

    @Test
    void aSegmentThatStopsShortIsRefusedNotPaddedWithBlack() {
        PixelModule m = new PixelModule(2, 2, 1, 8, 8, 7, false, "MONOCHROME2", 0, 1);
        byte[] frame = frame(new byte[] {1, 5, 6}); // two of four pixels

        assertThatThrownBy(() -> RleDecoder.decode(FILE, frame, m)).isInstanceOf(ImageLoadException.class)
                .hasMessage("rle.dcm: the DICOM file is corrupt (RLE segment 1 ends after 2 of 4 pixels)");
    }

    @Test
    void aSegmentCountThatDoesNotFitTheSamplesIsRefused() {
        PixelModule rgb = new PixelModule(1, 1, 3, 8, 8, 7, false, "RGB", 0, 1);

        assertThatThrownBy(() -> RleDecoder.decode(FILE, frame(new byte[] {0, 1}), rgb))
                .isInstanceOf(ImageLoadException.class).hasMessageContaining("has 1 segments; 8-bit data with 3 "
                        + "samples per pixel needs 3");
    }

    /** The 64-byte RLE header (segment count and offsets, little endian) followed by the segments. */
    private static byte[] frame(byte[]... segments) {
        int size = 64;
        for (byte[] s : segments) {
            size += s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(segments.length);
        int offset = 64;
        for (byte[] s : segments) {
            b.putInt(offset);
            offset += s.length;
        }
        b.position(64);
        for (byte[] s : segments) {
            b.put(s);
        }
        return b.array();
    }
}
