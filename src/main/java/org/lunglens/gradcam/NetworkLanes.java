package org.lunglens.gradcam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.lunglens.model.Nd4jSettings;

/**
 * Runs the networks of a combined model side by side, one lane per core: network i always runs on lane
 * i % lanes, lane 0 being the caller's own thread. A network is not thread-safe, so it keeps to one lane, and
 * every call waits for all its lanes: no network is still running when a call returns, even when the caller
 * is interrupted (the interrupt is kept for the caller to act on, as with one thread).
 *
 * <p>Each extra lane is one thread with ND4J's inference thread settings (OpenMP keeps them per thread); it
 * ends after a few idle minutes and comes back on the next call, so a session needs no closing.
 */
final class NetworkLanes {
    private static final long IDLE_MINUTES = 5;
    private final List<ThreadPoolExecutor> extraLanes = new ArrayList<>();
    private final int lanes;

    /** {@code lanes} at most, and never more than there are networks; 1 runs everything on the caller. */
    NetworkLanes(int networks, int lanes) {
        this.lanes = Math.max(1, Math.min(networks, lanes));
        for (int lane = 1; lane < this.lanes; lane++) {
            String name = "lunglens-network-lane-" + lane;
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_MINUTES, TimeUnit.MINUTES,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(() -> {
                            Nd4jSettings.forInference();
                            task.run();
                        }, name);
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            extraLanes.add(executor);
        }
    }

    /** As many lanes as this machine has cores, at most one per network. */
    static NetworkLanes forCores(int networks) {
        return new NetworkLanes(networks, Runtime.getRuntime().availableProcessors());
    }

    int lanes() {
        return lanes;
    }

    /** {@code work} applied to 0..count-1, index i on lane i % lanes; the results in index order. */
    <T> List<T> map(int count, IntFunction<T> work) {
        List<Future<List<T>>> others = new ArrayList<>();
        for (int lane = 1; lane < lanes && lane < count; lane++) {
            int first = lane;
            others.add(extraLanes.get(lane - 1).submit(() -> runLane(first, count, work)));
        }
        List<T> mine;
        try {
            mine = runLane(0, count, work);
        } finally {
            // Even when this lane failed: the others must be done before their networks are used again
            awaitAll(others);
        }
        List<List<T>> byLane = new ArrayList<>();
        byLane.add(mine);
        for (Future<List<T>> future : others) {
            byLane.add(resultOf(future));
        }
        List<T> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(byLane.get(i % lanes).get(i / lanes));
        }
        return results;
    }

    private <T> List<T> runLane(int lane, int count, IntFunction<T> work) {
        List<T> results = new ArrayList<>();
        for (int i = lane; i < count; i += lanes) {
            results.add(work.apply(i));
        }
        return results;
    }

    private static void awaitAll(List<? extends Future<?>> futures) {
        boolean interrupted = false;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // reported by resultOf
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T resultOf(Future<T> doneFuture) {
        try {
            return doneFuture.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            // Unreachable: the future is done. Keep the flag anyway.
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
