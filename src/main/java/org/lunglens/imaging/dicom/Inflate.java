package org.lunglens.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.lunglens.imaging.ImageLoadException;

/** Deflated Explicit VR Little Endian: everything after the file meta group is one raw deflate stream (RFC 1951). */
final class Inflate {
    private Inflate() {
    }

    /** The rest of {@code buf} from its position, inflated, at most {@code maxBytes} of it. */
    static ByteBuffer rest(Path file, ByteBuffer buf, long maxBytes) throws ImageLoadException {
        ByteBuffer input = buf.slice();
        try {
            return ByteBuffer.wrap(inflate(file, input, true, maxBytes)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (DataFormatException e) {
            try {
                // Some writers wrap the stream in a zlib header against the standard; read those too.
                return ByteBuffer.wrap(inflate(file, buf.slice(), false, maxBytes)).order(ByteOrder.LITTLE_ENDIAN);
            } catch (DataFormatException again) {
                throw DicomParser.corrupt(file, "its deflated data set cannot be inflated: " + e.getMessage());
            }
        }
    }

    private static byte[] inflate(Path file, ByteBuffer input, boolean nowrap, long maxBytes)
            throws DataFormatException, ImageLoadException {
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(input);
            byte[] out = new byte[(int) Math.min(maxBytes, Math.max(1 << 16, 4L * input.remaining()))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length >= maxBytes) {
                        throw new ImageLoadException(String.format(Locale.ROOT, "%s: the deflated DICOM data set "
                                + "inflates to more than %,d MB; LungLens does not open it", file, maxBytes >> 20));
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxBytes, 2L * out.length));
                }
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // a cut-off stream: what came out is read, and a short pixel data is caught later
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } finally {
            inflater.end();
        }
    }
}
