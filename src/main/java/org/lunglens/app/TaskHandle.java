package org.lunglens.app;

/** A started {@link BackgroundTask}: it can be cancelled; a cancelled task's result and failure are dropped. */
public interface TaskHandle {
    /** Asks the work to stop; its callbacks no longer run. Does not interrupt (ND4J is not made for it). */
    void cancel();

    boolean isCancelled();

    /** Whether it finished, failed or was cancelled. */
    boolean isDone();

    /** A handle of work that already finished. */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
