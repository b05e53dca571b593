package org.lunglens.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.lunglens.gradcam.ModelSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to a network: every model load, prediction and explanation of the app runs through here, on the
 * executor's AI lane, with the app's only model cache (a model file is loaded once, however many panes use it).
 * Two ways to submit: {@link #latest} for an interactive view where only the newest request matters (a new one
 * cancels the one before and a cancelled job's result is dropped even if the network could not stop mid-way),
 * and {@link #submit} for work that must all be done (a quiz's cases, a site check). Callbacks come on the
 * executor's callback thread (the JavaFX thread in the app).
 */
public final class InferenceService {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);

    /** Work with the loaded models; runs on the AI lane only. */
    @FunctionalInterface
    public interface Job<T> {
        T run(ModelSessions models, TaskContext context) throws Exception;
    }

    private final TaskExecutor executor;
    /** Touched only inside jobs, so only on the AI lane's one thread. */
    private final ModelSessions models = new ModelSessions();
    /** The latest interactive job; read and written on the callback thread (the FX thread in the app). */
    private TaskHandle latest;

    public InferenceService(TaskExecutor executor) {
        this.executor = executor;
    }

    /** A task that runs {@code job} with the app's models; configure its callbacks, then {@link #submit} it. */
    public <T> BackgroundTask<T> task(String title, Job<T> job) {
        return BackgroundTask.of(title, c -> job.run(models, c));
    }

    /** Queues {@code task} behind the AI work already queued; every submitted task runs. */
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        return executor.execute(TaskExecutor.Lane.AI, task);
    }

    /** Queues {@code job}; {@code onResult} or {@code onError} gets its outcome. */
    public <T> TaskHandle submit(String title, Job<T> job, Consumer<? super T> onResult, Consumer<Throwable> onError) {
        return submit(task(title, job).onSuccess(onResult).onFailure(onError));
    }

    /** Cancels the previous {@code latest} job (its result is dropped) and queues this one in its place. */
    public <T> TaskHandle latest(String title, Job<T> job, Consumer<? super T> onResult, Consumer<Throwable> onError) {
        cancelLatest();
        latest = submit(title, job, onResult, onError);
        return latest;
    }

    /** Drops the latest interactive job's result; queued work of {@link #submit} is not touched. */
    public void cancelLatest() {
        if (latest != null) {
            latest.cancel();
            latest = null;
        }
    }

    /** Whether an interactive job is pending. */
    public boolean busy() {
        return latest != null && !latest.isDone();
    }

    /**
     * Loads and warms up {@code file} ahead of the first analysis; reports nothing to the user (a missing model is
     * reported when an analysis asks for it).
     */
    public void warmUp(Path file) {
        long start = System.nanoTime();
        submit("AI: preparing " + file.getFileName(), (m, c) -> {
            m.get(file).warmUp();
            return file;
        }, f -> LOG.info("AI model {} loaded and warmed up in {} ms", f.getFileName(),
                (System.nanoTime() - start) / 1_000_000),
                problem -> LOG.warn("AI model {} could not be prepared: {}", file, problem.toString()));
    }
}
