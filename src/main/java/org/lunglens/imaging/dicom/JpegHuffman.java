package org.lunglens.imaging.dicom;

import java.io.IOException;
import java.util.function.IntSupplier;

/** A canonical Huffman table (JPEG annex C), decoded a bit at a time. */
final class JpegHuffman {
    private final int[] maxCode = new int[18];
    private final int[] valPtr = new int[17];
    private final int[] minCode = new int[17];
    private final int[] values;

    JpegHuffman(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            valPtr[l] = k;
            minCode[l] = code;
            code += counts[l];
            k += counts[l];
            maxCode[l] = counts[l] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    int decode(IntSupplier bits) throws IOException {
        int code = bits.getAsInt();
        for (int l = 1; l <= 16; l++) {
            if (code <= maxCode[l]) {
                return values[valPtr[l] + code - minCode[l]];
            }
            code = code << 1 | bits.getAsInt();
        }
        throw new IOException("a JPEG Huffman code is corrupt");
    }
}
