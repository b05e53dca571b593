package org.lunglens.imaging;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Deterministic damage to a file's bytes for the fuzz tests: flipped bytes, 16-byte overwrites (as a disk or a
 * careless tool does), truncation, and header integers set to values that break size arithmetic.
 */
public final class Mutations {
    private static final int[] INTERESTING = {0, 1, -1, 255, 256, 32_767, 32_768, 46_000, 65_535, 65_536,
        16_385, 100_000, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private Mutations() {
    }

    /**
     * The first mutation seed of a fuzz run: fixed, so CI runs the same tries every time; {@code
     * -Dlunglens.fuzz.seed=N} explores others (a failure names its seed).
     */
    public static long baseSeed() {
        return Long.getLong("lunglens.fuzz.seed", 25L);
    }

    /** One to three mutations of {@code original}, chosen by {@code seed}. */
    public static byte[] mutate(byte[] original, long seed) {
        Random rnd = new Random(seed);
        byte[] b = original.clone();
        int count = 1 + rnd.nextInt(3);
        for (int m = 0; m < count && b.length > 0; m++) {
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    for (int i = 1 + rnd.nextInt(16); i > 0; i--) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                }
                case 1 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
                case 2 -> {
                    // Header integers (sizes, lengths, offsets) live in the first few hundred bytes of every format.
                    int at = rnd.nextInt(Math.max(1, Math.min(b.length, 400) - 4));
                    if (at + 4 <= b.length) {
                        int v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                        ByteBuffer.wrap(b, at, 4).putInt(rnd.nextBoolean() ? v : Integer.reverseBytes(v));
                    }
                }
                case 3 -> {
                    int at = rnd.nextInt(b.length);
                    for (int i = at; i < Math.min(b.length, at + 16); i++) {
                        b[i] = (byte) rnd.nextInt(256);
                    }
                }
                default -> {
                    byte[] tail = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(tail);
                    byte[] longer = Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, longer, b.length, tail.length);
                    b = longer;
                }
            }
        }
        return b;
    }
}
