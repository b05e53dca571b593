package org.lunglens.imaging.dicom;

import java.util.List;
import java.util.Locale;
import org.lunglens.imaging.PixelSpacing;
import org.lunglens.imaging.ValueScale;
import org.lunglens.imaging.ValueWindow;

/** The window and pixel size a file asks for: read from its attributes, turned into LungLens' terms. */
final class DisplayDefaults {
    private DisplayDefaults() {
    }

    /**
     * The first Window Center/Width pair (PS3.3 C.11.2.1.2: LINEAR by default, LINEAR_EXACT, and SIGMOID taken as
     * its linear middle), else the first VOI LUT's rising part; in samples, through {@code scale}. Null when none.
     */
    static ValueWindow window(DicomDataset ds, ValueScale scale, boolean signed) {
        List<Double> centers = ds.numbers(0x00281050);
        List<Double> widths = ds.numbers(0x00281051);
        if (!centers.isEmpty() && !widths.isEmpty() && widths.get(0) >= 1) {
            double c = centers.get(0);
            double w = widths.get(0);
            boolean exact = ds.text(0x00281056).toUpperCase(Locale.ROOT).equals("LINEAR_EXACT");
            double lower = exact ? c - w / 2 : c - 0.5 - (w - 1) / 2;
            double upper = exact ? c + w / 2 : c - 0.5 + (w - 1) / 2;
            return scale.windowForValues(lower, Math.max(upper, lower + 1));
        }
        return ds.firstItem(0x00283010).map(item -> voiLut(item, scale, signed)).orElse(null);
    }

    /** Where a VOI LUT rises: its input from the last entry at the bottom to the first at the top. */
    private static ValueWindow voiLut(DicomDataset item, ValueScale scale, boolean signed) {
        List<Double> descriptor = item.numbers(0x00283002);
        int[] lut = item.get(0x00283006).map(DicomElement::words).orElse(new int[0]);
        if (descriptor.size() < 3 || lut.length < 2) {
            return null;
        }
        double first = descriptor.get(1);
        if (signed && first > 32767) {
            first -= 65536; // US in the file, SS in meaning: the standard lets the pixel representation decide
        }
        int n = lut.length;
        int rise = 0;
        while (rise < n - 1 && lut[rise + 1] == lut[0]) {
            rise++;
        }
        int top = n - 1;
        while (top > 0 && lut[top - 1] == lut[n - 1]) {
            top--;
        }
        if (top <= rise) {
            return null;
        }
        return scale.windowForValues(first + rise, first + top);
    }

    /** Pixel Spacing, else Imager Pixel Spacing; null when neither holds two positive numbers. */
    static PixelSpacing spacing(DicomDataset ds) {
        for (int tag : new int[] {0x00280030, 0x00181164}) {
            List<Double> v = ds.numbers(tag);
            if (v.size() >= 2 && v.get(0) > 0 && v.get(1) > 0 && Double.isFinite(v.get(0) + v.get(1))) {
                return new PixelSpacing(v.get(0), v.get(1), DicomDictionary.name(tag));
            }
        }
        return null;
    }
}
