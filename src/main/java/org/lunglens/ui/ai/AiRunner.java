package org.lunglens.ui.ai;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.lunglens.gradcam.ModelSessions;
import org.lunglens.ui.common.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs AI jobs on the one AI thread, latest request wins: a new job cancels the one before it, and a
 * cancelled job's result is dropped even if the network could not be stopped mid-way. Call from the FX thread.
 */
final class AiRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AiRunner.class);

    /** Work on the AI thread, with the models loaded there. */
    interface Job<T> {
        T run(ModelSessions sessions) throws Exception;
    }

    private final BackgroundWork work;
    /** Touched only on the AI thread, inside jobs. */
    private final ModelSessions sessions = new ModelSessions();
    private Task<?> current;

    AiRunner(BackgroundWork work) {
        this.work = work;
    }

    <T> void submit(String what, Job<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        cancel();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateProgress(-1, 1);
                return job.run(sessions);
            }
        };
        current = task;
        task.setOnSucceeded(e -> {
            if (current == task) {
                current = null;
                onResult.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                current = null;
                onError.accept(task.getException());
            }
        });
        work.ai(what, task);
    }

    /**
     * Loads and warms up a model on the AI thread ahead of the first analysis. Not a job: nothing cancels
     * it and it reports nothing (a missing model is reported when an analysis asks for it).
     */
    void warmUp(Path file) {
        long start = System.nanoTime();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                sessions.get(file).warmUp();
                return null;
            }
        };
        task.setOnSucceeded(e -> LOG.info("AI model {} loaded and warmed up in {} ms", file.getFileName(),
                (System.nanoTime() - start) / 1_000_000));
        task.setOnFailed(e -> LOG.warn("AI model {} could not be prepared: {}", file, task.getException().toString()));
        work.ai("AI: preparing " + file.getFileName(), task);
    }

    /** Drops the running job's result; queued jobs never start. No interrupt: ND4J is not made for one. */
    void cancel() {
        if (current != null) {
            current.cancel(false);
            current = null;
        }
    }

    boolean busy() {
        return current != null;
    }
}
