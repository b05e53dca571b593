package org.lunglens.imaging.dicom;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueScale;

/**
 * A decoded frame to {@link PixelData} and what its samples mean. Samples stay unsigned: signed data is shifted by
 * half its range, data of more than 16 bits is spread over 16, MONOCHROME1 is inverted so all films display alike,
 * palette colour is looked up; the {@link ValueScale} (rescale slope and intercept folded in) gives the file's own
 * values back.
 */
final class DicomPixels {
    /** The image as LungLens holds it, and how its samples map to the file's values (gray images only). */
    record Converted(PixelData pixels, String colourModel, ValueScale scale) {
    }

    private DicomPixels() {
    }

    static Converted convert(Path file, RawFrame raw, PixelModule m, DicomDataset ds) throws ImageLoadException {
        if (m.isGray()) {
            return gray(raw.bands()[0], m, ds);
        }
        if (m.photometric().equals("PALETTE COLOR")) {
            return palette(file, raw.bands()[0], m, ds);
        }
        String pi = m.photometric();
        int depth = m.bitsStored() <= 8 ? 8 : 16;
        int down = Math.max(0, m.bitsStored() - 16);
        short[][] bands = new short[3][];
        for (int b = 0; b < 3; b++) {
            bands[b] = new short[raw.bands()[b].length];
            for (int i = 0; i < bands[b].length; i++) {
                bands[b][i] = (short) ((raw.bands()[b][i] & 0xFFFFFFFFL) >>> down);
            }
        }
        String model;
        if (raw.colourConverted() || pi.equals("RGB")) {
            model = pi.equals("RGB") ? "RGB" : "RGB (from " + pi + ")";
        } else if (pi.equals("YBR_FULL") || pi.equals("YBR_FULL_422")) {
            Ybr.toRgb(bands, (1 << depth) - 1);
            model = "RGB (from " + pi + ")";
        } else {
            throw new ImageLoadException(file + ": unsupported DICOM pixel data (uncompressed "
                    + DicomParser.printable(pi) + ")");
        }
        PixelData p = new PixelData(m.columns(), m.rows(), depth, bands);
        if (p.colourBandsEqual()) {
            return new Converted(p.firstBandOnly(), model + " (R=G=B, read as grayscale)", ValueScale.IDENTITY);
        }
        return new Converted(p, model, ValueScale.IDENTITY);
    }

    private static Converted gray(int[] stored, PixelModule m, DicomDataset ds) {
        int bits = m.bitsStored();
        long mask = (1L << bits) - 1;
        long signBit = m.signed() ? 1L << (bits - 1) : 0;
        double slope = ds.number(0x00281053, 1);
        double intercept = ds.number(0x00281052, 0);
        slope = slope == 0 || !Double.isFinite(slope) ? 1 : slope;
        String type = ds.text(0x00281054);
        String unit = type.equals("US") ? "" : type;
        short[] band = new short[stored.length];
        String note = "";
        double sampleSlope = 1;
        double sampleOffset = -signBit;
        if (bits <= 16) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (short) ((stored[i] & mask) ^ signBit);
            }
        } else {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int v : stored) {
                long s = (v & mask) ^ signBit;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            double range = Math.max(1, max - min);
            for (int i = 0; i < band.length; i++) {
                band[i] = (short) Math.round((((stored[i] & mask) ^ signBit) - min) * 65535.0 / range);
            }
            sampleSlope = range / 65535;
            sampleOffset = min - signBit;
            note = " (" + bits + "-bit values spread over 16 bits)";
        }
        PixelData p = new PixelData(m.columns(), m.rows(), bits <= 8 ? 8 : 16, new short[][] {band});
        ValueScale scale = new ValueScale(slope * sampleSlope, slope * sampleOffset + intercept, unit);
        String model = "grayscale, " + m.photometric() + note;
        if (m.photometric().equals("MONOCHROME1")) {
            int[] range = p.valueRange();
            for (int i = 0; i < band.length; i++) {
                band[i] = (short) (range[0] + range[1] - (band[i] & 0xFFFF));
            }
            scale = new ValueScale(-scale.slope(), scale.slope() * (range[0] + range[1]) + scale.intercept(), unit);
            model += " (inverted for display)";
        }
        return new Converted(p, model, scale);
    }

    private static Converted palette(Path file, int[] index, PixelModule m, DicomDataset ds)
            throws ImageLoadException {
        if (ds.get(0x00281201).isEmpty() && ds.get(0x00281221).isPresent()) {
            throw new ImageLoadException(file + ": unsupported DICOM pixel data (segmented palette colour lookup "
                    + "tables)");
        }
        int[][] luts = new int[3][];
        int bits = 8;
        for (int b = 0; b < 3; b++) {
            List<Double> descriptor = ds.numbers(0x00281101 + b);
            Optional<DicomElement> data = ds.get(0x00281201 + b);
            if (descriptor.size() < 3 || data.isEmpty() || data.get().value() == null) {
                throw new ImageLoadException(file + ": the DICOM file is corrupt (a palette colour image without "
                        + "its lookup tables)");
            }
            int entries = descriptor.get(0).intValue() == 0 ? 65536 : descriptor.get(0).intValue() & 0xFFFF;
            bits = descriptor.get(2).intValue() == 16 ? 16 : 8;
            luts[b] = lut(data.get(), entries, bits);
        }
        int first = ds.numbers(0x00281101).get(1).intValue();
        short[][] bands = new short[3][index.length];
        for (int b = 0; b < 3; b++) {
            int[] lut = luts[b];
            for (int i = 0; i < index.length; i++) {
                int k = Math.max(0, Math.min(lut.length - 1, index[i] - first));
                bands[b][i] = (short) lut[k];
            }
        }
        return new Converted(new PixelData(m.columns(), m.rows(), bits, bands), "palette (PALETTE COLOR)",
                ValueScale.IDENTITY);
    }

    /** A palette's entries; 8-bit ones come one a byte (OB) or one a word, in its low or (some writers) high byte. */
    private static int[] lut(DicomElement data, int entries, int bits) {
        byte[] bytes = data.value();
        if (bits == 8 && (data.vr().equals("OB") || bytes.length == entries)) {
            int[] out = new int[Math.max(1, Math.min(entries, bytes.length))];
            for (int i = 0; i < out.length && i < bytes.length; i++) {
                out[i] = bytes[i] & 0xFF;
            }
            return out;
        }
        int[] words = data.words();
        int[] out = words.length == 0 ? new int[1] : words;
        if (bits == 8) {
            boolean high = java.util.Arrays.stream(out).anyMatch(w -> w > 255);
            for (int i = 0; i < out.length; i++) {
                out[i] = high ? out[i] >> 8 : out[i];
            }
        }
        return out;
    }
}
