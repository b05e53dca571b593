package org.lunglens.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The app's background threads, one named daemon thread per kind of work (loading, derived views,
 * rendering, thumbnails, AI), and the progress of the latest task for the status bar. Call from the FX thread.
 */
public final class BackgroundWork {
    private final ExecutorService loading = single("lunglens-load");
    private final ExecutorService computing = single("lunglens-compute");
    private final ExecutorService rendering = single("lunglens-render");
    private final ExecutorService thumbnails = single("lunglens-thumbnails");
    /** The only thread that touches a DL4J network: networks are not thread-safe. */
    private final ExecutorService ai = single("lunglens-ai");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private Task<?> shown;

    private static ExecutorService single(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newSingleThreadExecutor(f);
    }

    /** Loads run here, one at a time. */
    public <T> Task<T> load(String what, Task<T> task) {
        return start(what, task, loading);
    }

    /** Derived views and other heavy computations. */
    public <T> Task<T> compute(String what, Task<T> task) {
        return start(what, task, computing);
    }

    /** Model loading, inference and Grad-CAM: all on the one AI thread. */
    public <T> Task<T> ai(String what, Task<T> task) {
        return start(what, task, ai);
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
        task.runningProperty().addListener((obs, was, running) -> {
            if (!running && shown == task) {
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
}
