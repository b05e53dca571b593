package org.lunglens.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread counts. ND4J sizes its OpenMP and BLAS pools to the cores it sees; a small network on a
 * small machine that is busy with other work loses more to thread hand-offs than it gains from a second
 * core. Set here, in code, because a packaged launcher cannot set {@code OMP_NUM_THREADS}.
 * {@code -Dlunglens.threads=N} overrides the default.
 */
public final class Nd4jSettings {
    public static final String THREADS_PROPERTY = "lunglens.threads";

    private Nd4jSettings() {
    }

    /** Caps ND4J's operation, master and BLAS threads at {@code threads}. Call before the first network runs. */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** ND4J's thread counts as it reports them now, for logs and benchmark output. */
    public static String describe() {
        return "ND4J threads: ops " + Nd4j.getEnvironment().maxThreads() + ", master "
                + Nd4j.getEnvironment().maxMasterThreads() + ", BLAS " + Nd4j.factory().blas().getMaxThreads();
    }
}
