package org.lunglens.app;

/**
 * Runs each task at once on the calling thread and calls back there: tests drive background work
 * synchronously with it.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(Lane lane, BackgroundTask<T> task) {
        T result;
        try {
            result = task.call(new TaskContext() {
                private double done = -1;
                private double total = 1;

                @Override
                public void progress(double done, double total) {
                    this.done = done;
                    this.total = total;
                    task.progressed(done, total, "");
                }

                @Override
                public void message(String text) {
                    task.progressed(done, total, text);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception | LinkageError e) {
            task.failed(e);
            return TaskHandle.DONE;
        }
        task.succeeded(result);
        return TaskHandle.DONE;
    }
}
