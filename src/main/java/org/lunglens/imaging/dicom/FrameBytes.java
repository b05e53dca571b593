package org.lunglens.imaging.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lunglens.imaging.ImageLoadException;

/** The first frame's bytes out of encapsulated fragments. */
final class FrameBytes {
    private FrameBytes() {
    }

    /**
     * One frame: every fragment; else the fragments the basic offset table gives the first frame; else one fragment
     * a frame when the counts agree; else fragments up to a JPEG end-of-image marker.
     */
    static byte[] first(Path file, EncodedPixels px, int frames) throws ImageLoadException {
        List<EncodedPixels.Fragment> all = px.fragments();
        if (all.isEmpty()) {
            throw px.truncated() ? new ImageLoadException(file + ": the DICOM file is truncated (its compressed "
                    + "pixel data ends before the first frame)")
                    : DicomParser.corrupt(file, "its compressed pixel data has no fragments");
        }
        List<EncodedPixels.Fragment> mine = new ArrayList<>();
        long[] table = px.offsetTable();
        int base = all.get(0).itemStart();
        for (EncodedPixels.Fragment f : all) {
            if (frames > 1 && !mine.isEmpty()) {
                boolean nextFrame = table.length >= 2 ? f.itemStart() - base >= table[1]
                        : all.size() == frames || endsWithEoi(px, mine.get(mine.size() - 1));
                if (nextFrame) {
                    break;
                }
            }
            mine.add(f);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(mine.stream().mapToInt(f -> f.length()).sum());
        for (EncodedPixels.Fragment f : mine) {
            out.writeBytes(px.bytes(f.offset(), f.length()));
        }
        return out.toByteArray();
    }

    /** A JPEG frame's last fragment ends with FFD9 (and perhaps one padding byte). */
    private static boolean endsWithEoi(EncodedPixels px, EncodedPixels.Fragment f) {
        int end = f.offset() + f.length();
        for (int back = 2; back <= 3 && f.length() >= back; back++) {
            if ((px.buffer().get(end - back) & 0xFF) == 0xFF && (px.buffer().get(end - back + 1) & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }
}
