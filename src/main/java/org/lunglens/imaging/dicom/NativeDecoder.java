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
        if (m.subsampledNative() && (m.bitsAllocated() != 8 || m.columns() % 2 == 1)) {
            throw new ImageLoadException(file + ": unsupported DICOM pixel data (uncompressed YBR_FULL_422 with "
                    + m.bitsAllocated() + " bits allocated and " + m.columns() + " columns)");
        }
        long needed = m.frameBytes();
        if (px.available() < needed) {
            throw new ImageLoadException(String.format(Locale.ROOT, "%s: the DICOM file is truncated (%,d bytes of "
                    + "pixel data; its header promises %,d a frame)", file, px.available(), needed));
        }
        if (m.subsampledNative()) {
            return new RawFrame(readYbr422(px.buffer(), (int) px.offset(), m), false);
        }
        return new RawFrame(read(px.buffer(), (int) px.offset(), px.vr(), m), false);
    }

    /** 8-bit YBR_FULL_422: each pair of pixels in a row is stored as Y1 Y2 Cb Cr; the chroma is repeated. */
    private static int[][] readYbr422(ByteBuffer buf, int at, PixelModule m) {
        int w = m.columns();
        int[][] bands = new int[3][w * m.rows()];
        int pos = at;
        for (int y = 0; y < m.rows(); y++) {
            for (int x = 0; x < w; x += 2) {
                int i = y * w + x;
                int y1 = buf.get(pos) & 0xFF;
                int y2 = buf.get(pos + 1) & 0xFF;
                int cb = buf.get(pos + 2) & 0xFF;
                int cr = buf.get(pos + 3) & 0xFF;
                pos += 4;
                bands[0][i] = y1;
                bands[1][i] = cb;
                bands[2][i] = cr;
                if (x + 1 < w) {
                    bands[0][i + 1] = y2;
                    bands[1][i + 1] = cb;
                    bands[2][i + 1] = cr;
                }
            }
        }
        return bands;
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
