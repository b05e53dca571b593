package org.lunglens.imaging;

import java.util.concurrent.Semaphore;

/**
 * Bounds the memory of decodes running at once, process-wide: {@code classify} decodes on every core and the app
 * decodes thumbnails in the background, and three large films decoded together once ended a whole batch with
 * {@code OutOfMemoryError}. Each decode holds its estimated size (in MB) of a pool of half the heap; a decode larger
 * than the pool waits until it runs alone.
 */
final class DecodeMemory {
    private static final int POOL_MB = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 2 >> 20);
    private static final Semaphore POOL = new Semaphore(POOL_MB, true);

    private DecodeMemory() {
    }

    /** A decode's share of the pool; release it with {@link Lease#close()}. */
    static Lease reserve(long bytes) throws InterruptedException {
        int mb = (int) Math.min(POOL_MB, Math.max(1, bytes >> 20));
        POOL.acquire(mb);
        return new Lease(mb);
    }

    /** Held while one image decodes. */
    record Lease(int mb) implements AutoCloseable {
        @Override
        public void close() {
            POOL.release(mb);
        }
    }
}
