package org.lunglens.app;

/** What running work may tell its executor, and ask it. */
public interface TaskContext {
    /** Progress so far; {@code done < 0} when its length is unknown. */
    void progress(double done, double total);

    /** What the work is doing now, in words for a status line. */
    void message(String text);

    /** Whether the user or a newer request cancelled the work: it should stop at the next good point. */
    boolean isCancelled();

    /** For work run where nobody watches (tests, the command line). */
    TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double done, double total) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
