package org.lunglens.imaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An ASCII PGM (P2) or PPM (P3), as dcmj2pnm {@code +opn} and opj_decompress write them: samples band by band. */
public record Pnm(int width, int height, int maxValue, int[][] bands) {

    public static Pnm read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '6')) {
            return readBinary(bytes);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] tokens = text.replaceAll("#[^\n]*", " ").trim().split("\\s+");
        String magic = tokens[0];
        if (!magic.equals("P2") && !magic.equals("P3")) {
            throw new IOException(file + ": not an ASCII PGM/PPM (" + magic + ")");
        }
        int w = Integer.parseInt(tokens[1]);
        int h = Integer.parseInt(tokens[2]);
        int max = Integer.parseInt(tokens[3]);
        int bandCount = magic.equals("P3") ? 3 : 1;
        int[][] bands = new int[bandCount][w * h];
        int t = 4;
        for (int i = 0; i < w * h; i++) {
            for (int b = 0; b < bandCount; b++) {
                bands[b][i] = Integer.parseInt(tokens[t++]);
            }
        }
        return new Pnm(w, h, max, bands);
    }

    /** P5/P6: a text header of four tokens, one whitespace byte, then big endian samples (two bytes when max > 255). */
    private static Pnm readBinary(byte[] bytes) {
        int[] header = new int[3];
        int at = 2;
        for (int k = 0; k < 3; k++) {
            while (Character.isWhitespace(bytes[at]) || bytes[at] == '#') {
                if (bytes[at] == '#') {
                    while (bytes[at] != '\n') {
                        at++;
                    }
                }
                at++;
            }
            int v = 0;
            while (Character.isDigit(bytes[at])) {
                v = v * 10 + bytes[at++] - '0';
            }
            header[k] = v;
        }
        at++;
        int bandCount = bytes[1] == '6' ? 3 : 1;
        int w = header[0];
        int h = header[1];
        boolean wide = header[2] > 255;
        int[][] bands = new int[bandCount][w * h];
        for (int i = 0; i < w * h; i++) {
            for (int b = 0; b < bandCount; b++) {
                bands[b][i] = wide ? (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF : bytes[at] & 0xFF;
                at += wide ? 2 : 1;
            }
        }
        return new Pnm(w, h, header[2], bands);
    }

    /** Writes a binary PGM/PPM (16-bit samples big endian when {@code maxValue} > 255), for opj_compress. */
    public static Path write(Path file, int width, int height, int maxValue, int[][] bands) throws IOException {
        boolean wide = maxValue > 255;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(((bands.length == 3 ? "P6" : "P5") + "\n" + width + " " + height + "\n" + maxValue + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < width * height; i++) {
            for (int[] band : bands) {
                if (wide) {
                    out.write(band[i] >> 8);
                }
                out.write(band[i] & 0xFF);
            }
        }
        return Files.write(file, out.toByteArray());
    }
}
