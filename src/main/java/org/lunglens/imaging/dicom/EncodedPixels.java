package org.lunglens.imaging.dicom;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where the pixel data lies, undecoded: one native value ({@code offset}, {@code length} bytes of which {@code
 * available} are in the file) or encapsulated fragments after the basic offset table.
 *
 * @param buffer      the file (or the inflated data set), in the data set's byte order
 * @param vr          OB or OW
 * @param fragments   the encapsulated fragments (the offset table excluded); empty for native data
 * @param offsetTable the basic offset table: each frame's first fragment, relative to the first fragment's item
 * @param truncated   the file ends inside the pixel data
 */
public record EncodedPixels(ByteBuffer buffer, String vr, long offset, long length, long available,
        List<Fragment> fragments, long[] offsetTable, boolean truncated) {

    /** One fragment's bytes; {@code itemStart} is where its item tag begins, for the offset table. */
    public record Fragment(int itemStart, int offset, int length) {
    }

    public boolean encapsulated() {
        return !fragments.isEmpty() || offsetTable != null;
    }

    /** The bytes at {@code [from, from + count)}, copied. */
    byte[] bytes(int from, int count) {
        byte[] out = new byte[count];
        buffer.get(from, out);
        return out;
    }
}
