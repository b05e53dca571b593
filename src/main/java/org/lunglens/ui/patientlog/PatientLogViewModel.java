package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.List;
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
import org.lunglens.ui.patientlog.PatientLogService.State;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * The patient log pane's state apart from its controls: the rows the search shows, the open image's history, the
 * message line and the log file. It follows the log service (open, changed, unavailable) and the viewer's image;
 * a search answered after a newer one was typed, or a history for an image already left, is dropped. FX thread.
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
    private long searchGeneration;

    PatientLogViewModel(PatientLogService service, ViewerModel viewer) {
        this.service = service;
        this.viewer = viewer;
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
                rows.set(List.of());
                history.set(HistoryState.message("No history: the patient log is unavailable."));
                showError("The patient log is unavailable. " + service.problemProperty().get()
                        + "\nThe viewer keeps working without the log; \"Log file\" chooses another file.");
            }
        }
    }

    private void refresh() {
        refreshRows();
        refreshHistory();
    }

    private void refreshRows() {
        if (service.state() != State.READY) {
            return;
        }
        LogQuery query = LogQuery.all().withText(searchText.get()).withArchived(showArchived.get());
        long generation = ++searchGeneration;
        service.read(log -> log.search(query), found -> {
            if (generation == searchGeneration) {
                rows.set(found);
            }
        }, this::showError);
    }

    private void refreshHistory() {
        LoadedImage image = viewer.image();
        if (image == null || service.state() != State.READY) {
            history.set(HistoryState.message(image == null ? "Open an image to see its history in the log." : ""));
            return;
        }
        history.set(HistoryState.message(""));
        service.read(log -> lookup.history(log, image.source()), found -> {
            if (viewer.image() != image) {
                return;
            }
            history.set(found.map(h -> new HistoryState(image.fileName(), h, null))
                    .orElse(HistoryState.message(image.fileName() + " is not in the log yet: attach it to a patient"
                            + " or record a read to add it.")));
        }, this::showError);
    }
}
