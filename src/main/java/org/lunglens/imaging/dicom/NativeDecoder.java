package org.lunglens.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import org.lunglens.imaging.ImageLoadException;

/** Uncompressed pixel data, any byte order, 1 to 32 bits allocated, interleaved or planar colour. */
final class NativeDecoder {
    private NativeDecoder() {
    }

    static RawFrame firstFrame(Path file, EncodedPixels px, PixelModule m) throws ImageLoadException {
        long needed = m.frameBytes();
        if (px.available() < needed) {
            throw new ImageLoadException(String.format(Locale.ROOT, "%s: the DICOM file is truncated (%,d bytes of "
                    + "pixel data; its header promises %,d a frame)", file, px.available(), needed));
        }
        return new RawFrame(read(px.buffer(), (int) px.offset(), px.vr(), m), false);
    }

    /** Samples of a frame starting at {@code at} in {@code buf}, in the buffer's byte order. */
    static int[][] read(ByteBuffer buf, int at, String vr, PixelModule m) {
        int n = m.rows() * m.columns();
        int[][] bands = new int[m.samples()][n];
        // 8-bit samples in an OW value of a big endian file come byte-swapped within each 16-bit word.
        int swap = m.bitsAllocated() == 8 && "OW".equals(vr) && buf.order() == ByteOrder.BIG_ENDIAN ? 1 : 0;
        boolean planar = m.samples() > 1 && m.planar() == 1;
        int shift = m.highBit() + 1 - m.bitsStored();
        long mask = (1L << m.bitsStored()) - 1;
        for (int s = 0; s < m.samples(); s++) {
            int[] band = bands[s];
            for (int i = 0; i < n; i++) {
                long index = planar ? (long) s * n + i : (long) i * m.samples() + s;
                long v = switch (m.bitsAllocated()) {
                    case 1 -> buf.get(at + (int) (index >> 3)) >> (index & 7) & 1;
                    case 8 -> buf.get(at + (int) (index ^ swap)) & 0xFF;
                    case 16 -> buf.getShort(at + (int) (2 * index)) & 0xFFFF;
                    default -> buf.getInt(at + (int) (4 * index)) & 0xFFFFFFFFL;
                };
                band[i] = (int) (v >>> shift & mask);
            }
        }
        return bands;
    }
}
