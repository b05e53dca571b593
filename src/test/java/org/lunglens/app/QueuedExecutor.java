package org.lunglens.app;

import java.util.ArrayDeque;
import java.util.Deque;

/** Holds tasks until the test runs them, as a busy AI thread would; cancelled tasks call back nothing. */
final class QueuedExecutor implements TaskExecutor {
    private record Queued<T>(BackgroundTask<T> task, boolean[] cancelled, boolean[] done) {
        void run() {
            T result;
            try {
                result = task.call(TaskContext.NONE);
            } catch (Exception e) {
                done[0] = true;
                if (!cancelled[0]) {
                    task.failed(e);
                }
                return;
            }
            done[0] = true;
            if (!cancelled[0]) {
                task.succeeded(result);
            }
        }
    }

    private final Deque<Queued<?>> queue = new ArrayDeque<>();
    int executed;

    @Override
    public <T> TaskHandle execute(Lane lane, BackgroundTask<T> task) {
        Queued<T> q = new Queued<>(task, new boolean[1], new boolean[1]);
        queue.add(q);
        return new TaskHandle() {
            @Override
            public void cancel() {
                q.cancelled()[0] = true;
                q.done()[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return q.cancelled()[0];
            }

            @Override
            public boolean isDone() {
                return q.done()[0];
            }
        };
    }

    /** Runs everything queued, in order (cancelled work still runs, as on the real thread, but is dropped). */
    void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
            executed++;
        }
    }
}
