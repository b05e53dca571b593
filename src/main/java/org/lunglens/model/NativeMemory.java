package org.lunglens.model;

/**
 * In ND4J 1.0.0-M2.1 the native memory of an array made by a forward pass returns only when Java's collector finds
 * the array unreachable, and the arrays are small on the Java heap, so a loop that keeps every layer's output of
 * thousands of films can outgrow the machine before the heap asks for a collection: refitting the familiarity
 * check of a bundled model (4,000 films) grew past 24 GB and was killed with a 6 GB heap (2026-12-06). Such loops
 * ask for a collection every few batches.
 */
final class NativeMemory {
    /** About 0.7 GB of a bundled network's activations at 64 films a batch. */
    static final int BATCHES_BETWEEN_COLLECTIONS = 4;

    private NativeMemory() {
    }

    /** After batch {@code batchIndex} (from 0) of a loop over films: collect every few batches. */
    static void afterBatch(int batchIndex) {
        if ((batchIndex + 1) % BATCHES_BETWEEN_COLLECTIONS == 0) {
            System.gc();
        }
    }
}
