package org.lunglens.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import org.lunglens.imaging.ImageLoadException;

/**
 * RLE Lossless (PS3.5 annex G): a 64-byte header of segment offsets, then one PackBits segment per byte plane, each
 * sample's most significant byte first. The planes are put back together here into stored values.
 */
final class RleDecoder {
    private static final int HEADER = 64;

    private RleDecoder() {
    }

    static RawFrame decode(Path file, byte[] frame, PixelModule m) throws ImageLoadException {
        int bytesPerSample = m.bytesPerSample();
        int segments = m.samples() * bytesPerSample;
        if (frame.length < HEADER) {
            throw corrupt(file, "its RLE header is cut off");
        }
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
        int declared = header.getInt();
        if (declared != segments) {
            throw corrupt(file, String.format(Locale.ROOT, "its RLE frame has %d segments; %d-bit data with %d "
                    + "samples per pixel needs %d", declared, m.bitsAllocated(), m.samples(), segments));
        }
        int n = m.rows() * m.columns();
        int[][] bands = new int[m.samples()][n];
        for (int seg = 0; seg < segments; seg++) {
            long start = header.getInt(4 + 4 * seg) & 0xFFFFFFFFL;
            long end = seg + 1 < segments ? header.getInt(8 + 4 * seg) & 0xFFFFFFFFL : frame.length;
            if (start < HEADER || end > frame.length || start > end) {
                throw corrupt(file, String.format(Locale.ROOT, "RLE segment %d lies outside its frame "
                        + "(bytes %,d to %,d of %,d)", seg + 1, start, end, frame.length));
            }
            int band = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            int filled = unpack(frame, (int) start, (int) end, bands[band], shift);
            if (filled < n) {
                throw corrupt(file, String.format(Locale.ROOT, "RLE segment %d ends after %,d of %,d pixels",
                        seg + 1, filled, n));
            }
        }
        int shift = m.highBit() + 1 - m.bitsStored();
        long mask = (1L << m.bitsStored()) - 1;
        for (int[] band : bands) {
            for (int i = 0; i < n; i++) {
                band[i] = (int) ((band[i] & 0xFFFFFFFFL) >>> shift & mask);
            }
        }
        return new RawFrame(bands, false);
    }

    /**
     * PackBits: a count byte n, then n+1 literal bytes (n = 0..127) or one byte repeated 1-n times (n = -127..-1);
     * -128 is a no-op. Each byte lands in {@code out} at bits {@code shift}; returns how many pixels were filled.
     */
    static int unpack(byte[] in, int from, int to, int[] out, int shift) {
        int o = 0;
        int i = from;
        while (i < to && o < out.length) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(to - i, out.length - o));
                for (int k = 0; k < count; k++) {
                    out[o++] |= (in[i++] & 0xFF) << shift;
                }
                if (count < n + 1 && i < to) {
                    break;
                }
            } else if (n != -128 && i < to) {
                int value = (in[i++] & 0xFF) << shift;
                int count = Math.min(1 - n, out.length - o);
                for (int k = 0; k < count; k++) {
                    out[o++] |= value;
                }
            }
        }
        return o;
    }

    private static ImageLoadException corrupt(Path file, String detail) {
        return DicomParser.corrupt(file, detail);
    }
}
