package org.lunglens.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.InferenceService;
import org.lunglens.app.TaskContext;
import org.lunglens.app.TaskExecutor;
import org.lunglens.app.TaskHandle;

/**
 * The app's background threads, one named daemon thread per kind of work (loading, derived views,
 * rendering, thumbnails, AI), and the progress of the latest task for the status bar. As a {@link TaskExecutor}
 * it runs toolkit-free {@link BackgroundTask}s and calls back on the FX thread; the AI lane is reached only
 * through the app's one {@link #inference()} service. Call from the FX thread.
 */
public final class BackgroundWork implements TaskExecutor {
    private final ExecutorService loading = single("lunglens-load");
    private final ExecutorService computing = single("lunglens-compute");
    private final ExecutorService rendering = single("lunglens-render");
    private final ExecutorService thumbnails = single("lunglens-thumbnails");
    /** The only thread that touches a DL4J network: networks are not thread-safe. */
    private final ExecutorService ai = single("lunglens-ai");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private Task<?> shown;
    private final InferenceService inference = new InferenceService(this);

    private static ExecutorService single(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newSingleThreadExecutor(f);
    }

    /** The app's one way to a network: the AI thread and the only model cache. */
    public InferenceService inference() {
        return inference;
    }

    /**
     * Runs {@code work} on its lane and calls back on the FX thread. A cancelled task calls back nothing, even
     * when the work had already finished (a newer request replaced it).
     */
    @Override
    public <T> TaskHandle execute(Lane lane, BackgroundTask<T> work) {
        LaneTask<T> task = new LaneTask<>(work);
        InvalidationListener progressed = o -> work.progressed(task.getWorkDone(), task.getTotalWork(),
                task.getMessage());
        task.progressProperty().addListener(progressed);
        task.messageProperty().addListener(progressed);
        task.setOnSucceeded(e -> {
            if (!task.dropped.get()) {
                work.succeeded(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (!task.dropped.get()) {
                work.failed(task.getException());
            }
        });
        start(work.title(), task, switch (lane) {
            case LOAD -> loading;
            case COMPUTE -> computing;
            case AI -> ai;
        });
        return task.handle();
    }

    public ExecutorService renderExecutor() {
        return rendering;
    }

    public ExecutorService thumbnailExecutor() {
        return thumbnails;
    }

    private <T> Task<T> start(String what, Task<T> task, ExecutorService on) {
        shown = task;
        title.set(what);
        progress.unbind();
        progress.bind(task.progressProperty());
        // On the task's end, whatever it was: a task cancelled before its thread took it never ran at all
        task.stateProperty().addListener((obs, was, state) -> {
            boolean ended = state == Worker.State.SUCCEEDED || state == Worker.State.FAILED
                    || state == Worker.State.CANCELLED;
            if (ended && shown == task) {
                progress.unbind();
                progress.set(0);
                title.set("");
            }
        });
        on.execute(task);
        return task;
    }

    /** Progress of the latest task: 0 when idle, -1 while its length is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the latest task does, empty when idle. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public void shutdown() {
        loading.shutdownNow();
        computing.shutdownNow();
        rendering.shutdownNow();
        thumbnails.shutdownNow();
        ai.shutdownNow();
    }

    /** A JavaFX task around a {@link BackgroundTask}: the work sees progress and cancellation through its context. */
    private static final class LaneTask<T> extends Task<T> implements TaskContext {
        private final BackgroundTask<T> work;
        /**
         * Set by the handle: the task's result is dropped even when its work had already finished, which the
         * task's own cancelled state cannot say (a finished task can no longer be cancelled).
         */
        private final AtomicBoolean dropped = new AtomicBoolean();

        LaneTask(BackgroundTask<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            updateProgress(-1, 1);
            return work.call(this);
        }

        @Override
        public void progress(double done, double total) {
            updateProgress(done, total);
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }

        TaskHandle handle() {
            return new TaskHandle() {
                @Override
                public void cancel() {
                    dropped.set(true);
                    LaneTask.this.cancel(false);
                }

                @Override
                public boolean isCancelled() {
                    return dropped.get();
                }

                @Override
                public boolean isDone() {
                    return LaneTask.this.isDone();
                }
            };
        }
    }
}
