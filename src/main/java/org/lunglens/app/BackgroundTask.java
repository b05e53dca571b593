package org.lunglens.app;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One piece of background work, described without any toolkit: what it does, and what happens with its result
 * or its failure. A {@link TaskExecutor} runs it on a lane and calls back (the app's executor on the JavaFX
 * thread, the direct executor on the caller's thread), so the same code runs in the app and in tests.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {
    /** The work itself; it may report progress and should stop early once cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = problem -> { };
    private ProgressListener onProgress = (done, total, message) -> { };

    /** Progress as the work reports it, on the callback thread; {@code done < 0} while its length is unknown. */
    @FunctionalInterface
    public interface ProgressListener {
        void changed(double done, double total, String message);
    }

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    /** @param title what the status bar says while it runs, e.g. "Loading chest.png" */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** For a view with its own progress bar (the status bar shows the latest task's progress anyway). */
    public BackgroundTask<T> onProgress(ProgressListener listener) {
        this.onProgress = Objects.requireNonNull(listener);
        return this;
    }

    public String title() {
        return title;
    }

    /** Runs the work on the current thread (executors call this on their lane's thread). */
    public T call(TaskContext context) throws Exception {
        return work.run(context);
    }

    /** Hands over the result; executors call this on their callback thread. */
    public void succeeded(T result) {
        onSuccess.accept(result);
    }

    /** Hands over progress; executors call this on their callback thread. */
    public void progressed(double done, double total, String message) {
        onProgress.changed(done, total, message);
    }

    /** Hands over the failure; executors call this on their callback thread. */
    public void failed(Throwable problem) {
        onFailure.accept(problem);
    }
}
