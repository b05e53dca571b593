package org.lunglens.model;

/** Lets core code report progress without knowing who shows it (console bar, JavaFX task). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    void progress(long done, long total, String message);
}
