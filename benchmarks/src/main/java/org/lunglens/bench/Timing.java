package org.lunglens.bench;

import java.util.Arrays;

/** Wall-clock timing of repeated calls, shared by the probes that do not run under JMH. */
final class Timing {
    private Timing() {
    }

    /** Median milliseconds of {@code reps} calls after a tenth as many (at least 3) warm-up calls. */
    static double medianMillis(int reps, Runnable call) {
        for (int i = 0; i < Math.max(3, reps / 10); i++) {
            call.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }
}
