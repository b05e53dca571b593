package org.lunglens.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's thread counts. ND4J sizes its OpenMP and BLAS pools to the cores it sees; a small network on a
 * small machine that is busy with other work loses more to thread hand-offs than it gains from a second
 * core. Set here, in code, because a packaged launcher cannot set {@code OMP_NUM_THREADS}.
 * {@code -Dlunglens.threads=N} overrides the default.
 */
public final class Nd4jSettings {
    public static final String THREADS_PROPERTY = "lunglens.threads";
    /** One: measured, it is never slower for one image, and many times faster on a busy machine. */
    public static final int DEFAULT_INFERENCE_THREADS = 1;
    /** OpenBLAS's thread count is one for the whole process: set it only when it changes (see {@link #useThreads}). */
    private static int blasThreads;

    private Nd4jSettings() {
    }

    /**
     * Caps ND4J's operation, master, BLAS and OpenMP threads at {@code threads}. Call on the thread that runs
     * the networks, before the first one runs: OpenMP keeps its setting per thread.
     */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        setBlasThreads(threads);
        // OpenMP (oneDNN's threads in the onednn builds of nd4j-native): the setting belongs to the calling thread
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /**
     * JavaCPP's OpenBLAS binding looks its thread setter up anew on each call, three of the four names (MKL's) in
     * vain: each miss walks every loaded library with dlopen and dlclose inside glibc's dl_iterate_phdr, which
     * deadlocks with any other thread loading a library at that moment (JavaFX loading one of its own froze the app
     * for good). So it is called once per value, not on every model load and AI thread start.
     */
    private static synchronized void setBlasThreads(int threads) {
        if (threads != blasThreads) {
            Nd4j.factory().blas().setMaxThreads(threads);
            blasThreads = threads;
        }
    }

    /**
     * Loads ND4J's native backend now, with OpenBLAS at the inference thread count. The app calls it before
     * JavaFX starts: ND4J's start-up looks up its BLAS functions the same deadlock-prone way
     * ({@link #setBlasThreads}), and before JavaFX no other thread of the process loads libraries.
     */
    public static void loadBackendForInference() {
        Nd4j.getBackend();
        setBlasThreads(inferenceThreads());
    }

    /**
     * The thread count for inference: {@code -Dlunglens.threads}, else {@link #DEFAULT_INFERENCE_THREADS}.
     * Call where a session of inference starts (the app's AI thread, {@code classify}, {@code evaluate}), not in
     * training, which keeps ND4J's own defaults.
     */
    public static void forInference() {
        useThreads(inferenceThreads());
    }

    private static int inferenceThreads() {
        return Integer.getInteger(THREADS_PROPERTY, DEFAULT_INFERENCE_THREADS);
    }

    /**
     * The thread count for batch jobs ({@code classify} and {@code evaluate} over many images):
     * {@code -Dlunglens.threads}, else every core. Batches of 64 keep both cores busy: {@code classify} of all
     * 14,197 images took 38.9 s at two threads against 52.8 s at one (2 cores, idle). On a machine busy with
     * other work, {@code -Dlunglens.threads=1} avoids the threads' spin-waiting.
     */
    public static void forBatchInference() {
        useThreads(Integer.getInteger(THREADS_PROPERTY, Math.max(1, Runtime.getRuntime().availableProcessors())));
    }

    /** ND4J's thread counts as it reports them now, for logs and benchmark output. */
    public static String describe() {
        return "ND4J threads: ops " + Nd4j.getEnvironment().maxThreads() + ", master "
                + Nd4j.getEnvironment().maxMasterThreads() + ", BLAS " + Nd4j.factory().blas().getMaxThreads()
                + ", OpenMP " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
