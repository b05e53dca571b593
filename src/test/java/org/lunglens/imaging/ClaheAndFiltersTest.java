package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaheAndFiltersTest {
    /** A low-contrast 16-bit image: noise of +-50 around 30,000, seeded. */
    private static PixelData lowContrast(int w, int h) {
        Random rnd = new Random(42);
        int[] v = new int[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = 30_000 + rnd.nextInt(101) - 50;
        }
        return PixelData.gray(w, h, 16, v);
    }

    /** Left half 100, right half 200, 8-bit. */
    private static PixelData step(int w, int h) {
        int[] v = new int[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % w < w / 2 ? 100 : 200;
        }
        return PixelData.gray(w, h, 8, v);
    }

    private static double stdDev(PixelData p) {
        int[] v = p.bandAsInts(0);
        double mean = Arrays.stream(v).average().orElse(0);
        return Math.sqrt(Arrays.stream(v).mapToDouble(x -> (x - mean) * (x - mean)).sum() / v.length);
    }

    @Test
    void equalisationSpreadsALowContrastImageOverTheFullRange() {
        int[] range = Clahe.equalize(lowContrast(64, 64)).valueRange();
        assertThat(range[0]).isLessThan(2_000);
        assertThat(range[1]).isEqualTo(65535);
    }

    @Test
    void claheRaisesContrastButLessThanPlainEqualisation() {
        PixelData in = lowContrast(128, 128);
        double before = stdDev(in);
        double clahe = stdDev(Clahe.apply(in, 8, 8, 2.5));
        assertThat(clahe).isGreaterThan(10 * before);
    }

    @Test
    void clipLimitCapsTheStretchOfADominantBand() {
        // 80 % of pixels in a narrow band, the rest spread over the whole range
        Random rnd = new Random(7);
        int[] v = new int[100 * 100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 5 == 0 ? rnd.nextInt(65536) : 30_000 + rnd.nextInt(2000);
        }
        PixelData in = PixelData.gray(100, 100, 16, v);
        assertThat(bandSpread(Clahe.apply(in, 1, 1, 1.5), v))
                .isLessThan(bandSpread(Clahe.equalize(in), v) / 3);
    }

    private static int bandSpread(PixelData out, int[] in) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < in.length; i++) {
            if (i % 5 != 0) {
                lo = Math.min(lo, out.sample(0, i));
                hi = Math.max(hi, out.sample(0, i));
            }
        }
        return hi - lo;
    }

    @Test
    void claheOfAFlatImageIsFlat() {
        PixelData flat = PixelData.gray(16, 16, 8, new int[256]);
        assertThat(Clahe.apply(flat, 4, 4, 2).valueRange()).containsExactly(0, 0);
    }

    @Test
    void claheHasNoSeamsBetweenTiles() {
        // a smooth horizontal ramp stays smooth: bilinear blending of tile mappings hides tile edges
        int w = 200;
        int[] v = new int[w * 40];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % w) * 255 / (w - 1);
        }
        PixelData out = Clahe.apply(PixelData.gray(w, 40, 8, v), 8, 2, 3);
        int largestJump = 0;
        for (int x = 1; x < w; x++) {
            largestJump = Math.max(largestJump, Math.abs(out.sample(0, x, 20) - out.sample(0, x - 1, 20)));
        }
        assertThat(largestJump).isLessThanOrEqualTo(8);
    }

    @Test
    void edgesPeakAtTheStepAndVanishOnFlatGround() {
        PixelData edges = Filters.sobelMagnitude(step(40, 20));
        assertThat(edges.sample(0, 20, 10)).isEqualTo(255);
        assertThat(edges.sample(0, 5, 10)).isZero();
        assertThat(edges.sample(0, 35, 10)).isZero();
    }

    @Test
    void unsharpMaskOvershootsAtTheStepAndKeepsFlatGround() {
        PixelData sharp = Filters.unsharpMask(step(40, 20), 2, 1.0);
        assertThat(sharp.sample(0, 2, 10)).isEqualTo(100);
        assertThat(sharp.sample(0, 19, 10)).as("dark side gets darker").isLessThan(100);
        assertThat(sharp.sample(0, 20, 10)).as("bright side gets brighter").isGreaterThan(200);
    }

    @Test
    void blurKeepsTheMeanOfAConstantImage() {
        float[] f = new float[30 * 30];
        Arrays.fill(f, 5f);
        assertThat(Filters.blur(f, 30, 30, 4)).containsOnly(5f);
    }
}
