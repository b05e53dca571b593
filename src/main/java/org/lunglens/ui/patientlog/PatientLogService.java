package org.lunglens.ui.patientlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's connection to the patient log: opens the file and runs every log call as a {@link Task} on one
 * named thread ("lunglens-db"), so SQL never runs on the FX thread and calls never overlap. A file that cannot
 * be used leaves the service {@link State#UNAVAILABLE} with a message; the rest of the app carries on. Call
 * from the FX thread.
 */
public final class PatientLogService implements AutoCloseable {
    /** Whether the log can be used. */
    public enum State { CLOSED, OPENING, READY, UNAVAILABLE }

    /** A unit of work on the open log, run on the database thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(PatientLog log) throws LogStoreException, IOException;
    }

    /** Opens a log file; tests may substitute their own. */
    @FunctionalInterface
    public interface Opener {
        PatientLog open(Path file) throws LogStoreException;
    }

    private static final Logger DIAGNOSTICS = LoggerFactory.getLogger(PatientLogService.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lunglens-db");
        t.setDaemon(true);
        return t;
    });
    private final Opener opener;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CLOSED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
    /** Touched only on the database thread. */
    private PatientLog openLog;

    public PatientLogService() {
        this(PatientLog::open);
    }

    public PatientLogService(Opener opener) {
        this.opener = opener;
    }

    /** Closes the current log (if any) and opens {@code target}; the state says how it went. */
    public void open(Path target) {
        state.set(State.OPENING);
        file.set(target);
        problem.set("");
        Task<PatientLog> task = new Task<>() {
            @Override
            protected PatientLog call() throws LogStoreException {
                closeCurrent();
                openLog = opener.open(target);
                return openLog;
            }
        };
        task.setOnSucceeded(e -> {
            state.set(State.READY);
            changes.set(changes.get() + 1);
        });
        task.setOnFailed(e -> {
            problem.set(describe(task.getException()));
            state.set(State.UNAVAILABLE);
        });
        thread.execute(task);
    }

    /** Runs a read on the database thread; {@code onSuccess} and {@code onError} run on the FX thread. */
    public <T> Task<T> read(Work<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        return submit(work, onSuccess, onError, false);
    }

    /** Like {@link #read}, and tells {@link #changesProperty()} listeners afterwards (tables, histories). */
    public <T> Task<T> write(Work<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        return submit(work, onSuccess, onError, true);
    }

    private <T> Task<T> submit(Work<T> work, Consumer<T> onSuccess, Consumer<String> onError, boolean changing) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws LogStoreException, IOException {
                if (openLog == null) {
                    throw new IllegalStateException("The patient log is not open.");
                }
                return work.run(openLog);
            }
        };
        task.setOnSucceeded(e -> {
            onSuccess.accept(task.getValue());
            if (changing) {
                changes.set(changes.get() + 1);
            }
        });
        task.setOnFailed(e -> onError.accept(describe(task.getException())));
        thread.execute(task);
        return task;
    }

    /** A message for the user: the log's own words for its errors; the stack trace goes to the log file only. */
    static String describe(Throwable t) {
        if (t instanceof LogStoreException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException) {
            return t.getMessage();
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            return "A file could not be read or written: " + t.getMessage();
        }
        DIAGNOSTICS.error("Unexpected patient log failure", t);
        return "Unexpected error in the patient log (" + t.getClass().getSimpleName() + "); details are in the log file.";
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Why the log is unavailable; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The file opened or being opened. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Counts opens and writes; listen to refresh views of the log. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    private void closeCurrent() {
        if (openLog != null) {
            openLog.close();
            openLog = null;
        }
    }

    /** Closes the log after the queued work, waiting briefly so the last commit and checkpoint finish. */
    @Override
    public void close() {
        state.set(State.CLOSED);
        thread.execute(this::closeCurrent);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                DIAGNOSTICS.warn("The patient log thread did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
