package org.lunglens.imaging;

/**
 * Counts of every possible value of an image (65,536 bins for 16-bit data, so percentiles are exact).
 * Colour images count their luminance.
 */
public final class Histogram {
    private final int[] counts;
    private final long total;
    private final int min;
    private final int max;

    private Histogram(int[] counts) {
        this.counts = counts;
        long sum = 0;
        int lo = -1;
        int hi = -1;
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0) {
                sum += counts[v];
                hi = v;
                if (lo < 0) {
                    lo = v;
                }
            }
        }
        this.total = sum;
        this.min = Math.max(lo, 0);
        this.max = Math.max(hi, 0);
    }

    /** Histogram of band 0 of a gray image, or of the luminance of a colour image. */
    public static Histogram of(PixelData pixels) {
        int[] counts = new int[pixels.maxValue() + 1];
        int n = pixels.width() * pixels.height();
        if (pixels.isGray()) {
            for (int i = 0; i < n; i++) {
                counts[pixels.sample(0, i)]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                counts[(int) Math.round(pixels.luminance(i))]++;
            }
        }
        return new Histogram(counts);
    }

    /** Largest representable value (255 or 65535). */
    public int maxValue() {
        return counts.length - 1;
    }

    /** Smallest value that occurs. */
    public int min() {
        return min;
    }

    /** Largest value that occurs. */
    public int max() {
        return max;
    }

    public long total() {
        return total;
    }

    public int count(int value) {
        return counts[value];
    }

    /**
     * The smallest value at or below which at least {@code percent} % of the pixels lie
     * (0 gives the minimum, 100 the maximum).
     */
    public int percentile(double percent) {
        if (percent <= 0) {
            return min;
        }
        long target = (long) Math.ceil(total * Math.min(percent, 100) / 100.0);
        long seen = 0;
        for (int v = min; v <= max; v++) {
            seen += counts[v];
            if (seen >= target) {
                return v;
            }
        }
        return max;
    }

    /**
     * Counts regrouped into {@code bins} equal bins spanning {@code from..to} inclusive, for drawing.
     * Values outside the span are left out.
     */
    public long[] binned(int bins, int from, int to) {
        long[] out = new long[bins];
        double span = Math.max(1, to - from + 1);
        for (int v = Math.max(0, from); v <= Math.min(to, maxValue()); v++) {
            int b = (int) ((v - from) * bins / span);
            out[Math.min(bins - 1, b)] += counts[v];
        }
        return out;
    }
}
