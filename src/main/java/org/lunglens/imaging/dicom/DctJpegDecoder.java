package org.lunglens.imaging.dicom;

import java.io.IOException;

/**
 * Sequential DCT JPEG with Huffman coding (baseline and extended, processes 1, 2 and 4) of more than 8 bits: the
 * 12-bit lossy films that Java's JPEG reader (and so TwelveMonkeys', which hands DCT JPEG to it) refuses. Only what
 * such films use: 1 or 3 components, any sampling (chroma upsampled by repetition), restart intervals. A floating
 * point inverse DCT: within a level or two of libjpeg's integer one, as a lossy codec allows.
 */
final class DctJpegDecoder {
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33,
        40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    private static final double[][] COS = cosines();

    /** The decoded frame: one band per component, full size. */
    record Result(int width, int height, int precision, int[][] bands) {
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int td;
        int ta;
        int pred;
        int stride;
        int[] plane;
    }

    private final byte[] in;
    private int pos;
    private final int[][] quant = new int[4][];
    private final JpegHuffman[] dc = new JpegHuffman[4];
    private final JpegHuffman[] ac = new JpegHuffman[4];
    private Component[] comps;
    private int precision;
    private int width;
    private int height;
    private int hmax = 1;
    private int vmax = 1;
    private int restartInterval;
    private int bits;
    private int bitCount;
    private boolean scanned;

    private DctJpegDecoder(byte[] in) {
        this.in = in;
    }

    static Result decode(byte[] jpeg) throws IOException {
        return new DctJpegDecoder(jpeg).run();
    }

    private Result run() throws IOException {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG stream");
        }
        pos = 2;
        for (int marker = nextMarker(); marker != 0xD9 && marker >= 0; marker = nextMarker()) {
            int length = u16(pos);
            int end = pos + length;
            if (length < 2 || end > in.length) {
                throw new IOException("a JPEG segment runs past the data");
            }
            switch (marker) {
                case 0xDB -> readQuantisation(end);
                case 0xC4 -> readHuffman(end);
                case 0xC0, 0xC1 -> readFrame();
                case 0xDD -> restartInterval = u16(pos + 2);
                case 0xDA -> {
                    scan();
                    continue;
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new IOException(String.format("JPEG process SOF%d is not supported", marker - 0xC0));
                    }
                }
            }
            pos = end;
        }
        if (!scanned) {
            throw new IOException("the JPEG stream has no image data");
        }
        return new Result(width, height, precision, output());
    }

    /** The next marker code (FFxx with xx neither 00, FF nor a restart), or -1 at the end of the data. */
    private int nextMarker() {
        while (pos + 1 < in.length) {
            if ((in[pos] & 0xFF) == 0xFF) {
                int m = in[pos + 1] & 0xFF;
                if (m != 0 && m != 0xFF && (m < 0xD0 || m > 0xD7)) {
                    pos += 2;
                    return m;
                }
            }
            pos++;
        }
        return -1;
    }

    private void readQuantisation(int end) {
        int p = pos + 2;
        while (p < end) {
            int pq = (in[p] & 0xFF) >> 4;
            int tq = in[p++] & 3;
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[k] = pq == 0 ? in[p++] & 0xFF : (in[p++] & 0xFF) << 8 | in[p++] & 0xFF;
            }
            quant[tq] = q;
        }
    }

    private void readHuffman(int end) throws IOException {
        int p = pos + 2;
        while (p < end) {
            int tc = (in[p] & 0xFF) >> 4;
            int th = in[p++] & 3;
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = in[p++] & 0xFF;
                total += counts[l];
            }
            if (total > 256 || p + total > end) {
                throw new IOException("a JPEG Huffman table is corrupt");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = in[p++] & 0xFF;
            }
            (tc == 0 ? dc : ac)[th] = new JpegHuffman(counts, values);
        }
    }

    private void readFrame() throws IOException {
        precision = in[pos + 2] & 0xFF;
        height = u16(pos + 3);
        width = u16(pos + 5);
        int n = in[pos + 7] & 0xFF;
        if (n != 1 && n != 3 || width == 0 || height == 0 || precision < 2 || precision > 16) {
            throw new IOException("unsupported JPEG frame (" + n + " components, " + precision + " bits)");
        }
        comps = new Component[n];
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            int p = pos + 8 + 3 * i;
            c.id = in[p] & 0xFF;
            c.h = Math.max(1, (in[p + 1] & 0xFF) >> 4);
            c.v = Math.max(1, in[p + 1] & 0xF);
            c.tq = in[p + 2] & 3;
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
            comps[i] = c;
        }
        int mcusX = (width + 8 * hmax - 1) / (8 * hmax);
        int mcusY = (height + 8 * vmax - 1) / (8 * vmax);
        for (Component c : comps) {
            c.stride = mcusX * c.h * 8;
            c.plane = new int[c.stride * mcusY * c.v * 8];
        }
    }

    private void scan() throws IOException {
        if (comps == null) {
            throw new IOException("JPEG scan before its frame header");
        }
        int length = u16(pos);
        int ns = in[pos + 2] & 0xFF;
        Component[] scanComps = new Component[ns];
        for (int i = 0; i < ns; i++) {
            int id = in[pos + 3 + 2 * i] & 0xFF;
            int tables = in[pos + 4 + 2 * i] & 0xFF;
            for (Component c : comps) {
                if (c.id == id) {
                    scanComps[i] = c;
                    c.td = tables >> 4 & 3;
                    c.ta = tables & 3;
                }
            }
            if (scanComps[i] == null || dc[scanComps[i].td] == null || ac[scanComps[i].ta] == null
                    || quant[scanComps[i].tq] == null) {
                throw new IOException("a JPEG scan refers to a missing component or table");
            }
        }
        pos += length;
        bitCount = 0;
        for (Component c : scanComps) {
            c.pred = 0;
        }
        int[] coef = new int[64];
        if (ns == 1) {
            Component c = scanComps[0];
            int bw = ((width * c.h + hmax - 1) / hmax + 7) / 8;
            int bh = ((height * c.v + vmax - 1) / vmax + 7) / 8;
            for (int n = 0; n < bw * bh; n++) {
                restartIfDue(n, scanComps);
                block(c, n % bw, n / bw, coef);
            }
        } else {
            int mcusX = (width + 8 * hmax - 1) / (8 * hmax);
            int mcusY = (height + 8 * vmax - 1) / (8 * vmax);
            for (int n = 0; n < mcusX * mcusY; n++) {
                restartIfDue(n, scanComps);
                for (Component c : scanComps) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            block(c, n % mcusX * c.h + h, n / mcusX * c.v + v, coef);
                        }
                    }
                }
            }
        }
        scanned = true;
    }

    private void restartIfDue(int mcu, Component[] scanComps) {
        if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
            bitCount = 0;
            while (pos + 1 < in.length && !((in[pos] & 0xFF) == 0xFF && (in[pos + 1] & 0xF8) == 0xD0)) {
                pos++;
            }
            pos += 2;
            for (Component c : scanComps) {
                c.pred = 0;
            }
        }
    }

    private void block(Component c, int bx, int by, int[] coef) throws IOException {
        java.util.Arrays.fill(coef, 0);
        int[] q = quant[c.tq];
        int t = dc[c.td].decode(this::bit);
        c.pred += t == 0 ? 0 : extend(receive(t), t);
        coef[0] = c.pred * q[0];
        for (int k = 1; k < 64; k++) {
            int rs = ac[c.ta].decode(this::bit);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                break;
            }
            coef[ZIGZAG[k]] = extend(receive(s), s) * q[k];
        }
        idct(coef, c.plane, c.stride, bx * 8, by * 8);
    }

    private void idct(int[] coef, int[] plane, int stride, int x0, int y0) {
        double[] tmp = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                for (int u = 0; u < 8; u++) {
                    sum += COS[x][u] * coef[v * 8 + u];
                }
                tmp[v * 8 + x] = sum;
            }
        }
        int max = (1 << precision) - 1;
        int shift = 1 << (precision - 1);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                for (int v = 0; v < 8; v++) {
                    sum += COS[y][v] * tmp[v * 8 + x];
                }
                int value = (int) Math.round(sum) + shift;
                int at = (y0 + y) * stride + x0 + x;
                if (at < plane.length) {
                    plane[at] = Math.max(0, Math.min(max, value));
                }
            }
        }
    }

    private int[][] output() {
        int[][] bands = new int[comps.length][width * height];
        for (int b = 0; b < comps.length; b++) {
            Component c = comps[b];
            for (int y = 0; y < height; y++) {
                int row = y * c.v / vmax * c.stride;
                for (int x = 0; x < width; x++) {
                    bands[b][y * width + x] = c.plane[row + x * c.h / hmax];
                }
            }
        }
        return bands;
    }

    private int bit() {
        if (bitCount == 0) {
            if (pos >= in.length) {
                return 0;
            }
            int b = in[pos] & 0xFF;
            if (b == 0xFF) {
                int next = pos + 1 < in.length ? in[pos + 1] & 0xFF : 0;
                if (next != 0) {
                    return 0; // a marker: the scan's data ran out; what is missing decodes as zeros
                }
                pos++;
            }
            pos++;
            bits = b;
            bitCount = 8;
        }
        return bits >> --bitCount & 1;
    }

    private int receive(int s) {
        int v = 0;
        for (int i = 0; i < s; i++) {
            v = v << 1 | bit();
        }
        return v;
    }

    private static int extend(int v, int s) {
        return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
    }

    private int u16(int at) throws IOException {
        if (at + 1 >= in.length) {
            throw new IOException("the JPEG data ends inside a header");
        }
        return (in[at] & 0xFF) << 8 | in[at + 1] & 0xFF;
    }

    private static double[][] cosines() {
        double[][] c = new double[8][8];
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                c[x][u] = (u == 0 ? Math.sqrt(0.5) : 1) / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
        return c;
    }
}
