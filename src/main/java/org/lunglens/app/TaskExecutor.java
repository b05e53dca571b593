package org.lunglens.app;

/**
 * Runs {@link BackgroundTask}s, each on one lane: a lane is a single named thread, so work of one kind never
 * overlaps and never waits behind work of another kind. The app's executor calls back on the JavaFX thread and
 * shows progress; {@link DirectTaskExecutor} runs everything at once on the caller's thread, for tests.
 */
public interface TaskExecutor {
    /** The kinds of background work, each on its own thread. */
    enum Lane {
        /** Reading files, one at a time. */
        LOAD,
        /** Derived views and other heavy pixel work. */
        COMPUTE,
        /** DL4J networks are not thread-safe: every model load, inference and Grad-CAM runs here. Only the
         * {@link InferenceService} submits to this lane. */
        AI
    }

    <T> TaskHandle execute(Lane lane, BackgroundTask<T> task);
}
