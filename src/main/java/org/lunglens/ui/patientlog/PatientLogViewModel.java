package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.ui.patientlog.PatientLogService.State;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * The patient log pane's state apart from its controls: the rows the search shows, the open image's history, the
 * message line and the log file. It follows the log service (open, changed, unavailable) and the viewer's image;
 * a search answered after a newer one was typed, or a history for an image already left, is dropped. FX thread.
 *
 * <p>It also keeps the read-first gate: where the log says "read first", no AI reading of an image may be shown
 * (AI tab, table, history) until this reader has recorded a read of it; until the log has answered, the AI stays
 * hidden. And it remembers which images' AI readings the app has shown, so that a read is recorded as made before
 * or after the AI from what was on the screen, not from a button the reader ticks.
 */
final class PatientLogViewModel {
    /** The open image's history, or the reason there is none to show. */
    record HistoryState(String fileName, ImageHistory history, String message) {
        static HistoryState message(String text) {
            return new HistoryState(null, null, text);
        }
    }

    /** Touched only on the database thread, inside log calls. */
    private final ImageLookup lookup = new ImageLookup();
    private final PatientLogService service;
    private final ViewerModel viewer;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty showArchived = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<LogRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<HistoryState> history = new ReadOnlyObjectWrapper<>(
            HistoryState.message("Open an image to see its history in the log."));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper readFirst = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper aiHidden = new ReadOnlyBooleanWrapper(false);
    /** Images this reader has read at work (reads from quizzes or imports do not open the gate). */
    private Set<Long> readByReader = Set.of();
    /** Files whose AI reading the app has put on the screen this session. */
    private final Set<Path> aiShown = new HashSet<>();
    private final LogSettings settings;
    /** The image the history shown belongs to (or is being looked up for). */
    private LoadedImage historyImage;
    private long searchGeneration;

    PatientLogViewModel(PatientLogService service, ViewerModel viewer, LogSettings settings) {
        this.service = service;
        this.viewer = viewer;
        this.settings = settings;
        searchText.addListener((o, old, text) -> refreshRows());
        showArchived.addListener((o, old, on) -> refreshRows());
        service.stateProperty().addListener((o, old, s) -> showState());
        service.changesProperty().addListener((o, old, n) -> refresh());
        viewer.imageProperty().addListener((o, old, img) -> refreshHistory());
        showState();
    }

    StringProperty searchTextProperty() {
        return searchText;
    }

    BooleanProperty showArchivedProperty() {
        return showArchived;
    }

    ReadOnlyObjectProperty<List<LogRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<HistoryState> historyProperty() {
        return history.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    /** Whether the log asks for a read before the AI (a setting of the log file). */
    ReadOnlyBooleanProperty readFirstProperty() {
        return readFirst.getReadOnlyProperty();
    }

    /** Whether the open image's AI reading must stay hidden now. */
    ReadOnlyBooleanProperty aiHiddenProperty() {
        return aiHidden.getReadOnlyProperty();
    }

    /** Whether the table and history may show the AI's reading of the logged image {@code imageId}. */
    boolean aiVisible(long imageId) {
        return !readFirst.get() || readByReader.contains(imageId);
    }

    /** The app has put the AI's reading of {@code file} on the screen. */
    void aiShown(Path file) {
        aiShown.add(file);
    }

    /**
     * Whether the app has shown any AI reading of the open image: in the AI tab this session, or in the table and
     * history, which show a logged image's analyses wherever read-first does not hide them.
     */
    boolean aiSeenForOpenImage() {
        LoadedImage image = viewer.image();
        if (image == null) {
            return false;
        }
        ImageHistory h = openImageHistory();
        return aiShown.contains(image.source())
                || (h != null && !h.analyses().isEmpty() && aiVisible(h.image().id()));
    }

    String readerName() {
        return settings.readerName();
    }

    /** Turns read-first on or off for this log (audited in the log). */
    void setReadFirst(boolean on) {
        service.write(log -> {
            log.settings().setReadFirst(on);
            return on;
        }, done -> showInfo(on ? "Read first is on: the AI stays hidden for an image until you record your read."
                : "Read first is off: the AI's reading is shown as soon as it is ready."), this::showError);
    }

    /** What the log knows about the open image; null when it is not logged (or not yet looked up). */
    ImageHistory openImageHistory() {
        return history.get().history();
    }

    void showInfo(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    void showError(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void showState() {
        Path file = service.fileProperty().get();
        fileText.set(file == null ? "" : "Log file: " + file);
        switch (service.state()) {
            case CLOSED -> showInfo("The patient log is closed.");
            case OPENING -> showInfo("Opening the patient log\u2026");
            case READY -> {
                showInfo("");
                refresh();
            }
            case UNAVAILABLE -> {
                readFirst.set(false);
                rows.set(List.of());
                history.set(HistoryState.message("No history: the patient log is unavailable."));
                showError("The patient log is unavailable. " + service.problemProperty().get()
                        + "\nThe viewer keeps working without the log; \"Log file\" chooses another file.");
            }
        }
        updateGate();
    }

    void refresh() {
        refreshRows();
        refreshHistory();
    }

    private void refreshRows() {
        if (service.state() != State.READY) {
            return;
        }
        LogQuery query = LogQuery.all().withText(searchText.get()).withArchived(showArchived.get());
        long generation = ++searchGeneration;
        String reader = settings.readerName();
        record Found(List<LogRow> rows, boolean readFirst, Set<Long> read) {
        }
        service.read(log -> new Found(log.search(query), log.settings().readFirst(), log.reads().imagesReadBy(reader)),
                found -> {
                    if (generation == searchGeneration) {
                        readFirst.set(found.readFirst());
                        readByReader = found.read();
                        rows.set(found.rows());
                        updateGate();
                    }
                }, this::showError);
    }

    private void refreshHistory() {
        LoadedImage image = viewer.image();
        if (image == null || service.state() != State.READY) {
            historyImage = null;
            history.set(HistoryState.message(image == null ? "Open an image to see its history in the log." : ""));
            updateGate();
            return;
        }
        // A new image starts blank (and hidden, where read first asks); the same image refreshed after a change in
        // the log keeps what it shows until the new answer comes: blanking it would hide and re-run the AI on
        // every write, and the AI's own write would start it again
        if (image != historyImage) {
            historyImage = image;
            history.set(HistoryState.message(""));
            updateGate();
        }
        service.read(log -> lookup.history(log, image.source()), found -> {
            if (viewer.image() != image) {
                return;
            }
            history.set(found.map(h -> new HistoryState(image.fileName(), h, null))
                    .orElse(HistoryState.message(image.fileName() + " is not in the log yet: attach it to a patient"
                            + " or record a read to add it.")));
            updateGate();
        }, this::showError);
    }

    /**
     * Hides the open image's AI reading while the log asks for a read first and this reader has none recorded. Where
     * the log is not open there is nowhere to record a read, and nothing is hidden.
     */
    private void updateGate() {
        if (service.state() != State.READY || viewer.image() == null || !readFirst.get()) {
            aiHidden.set(false);
            return;
        }
        ImageHistory h = openImageHistory();
        aiHidden.set(h == null || !readByReader.contains(h.image().id()));
    }
}
