package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.patientlog.PatientLogService.State;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * The "Patient log" side pane: a searchable, sortable, filterable table of logged images; add and edit
 * patients; attach the open image; record a read; the open image's history; reopen an image; export the
 * visible rows as CSV; archive (never delete). All log work runs through {@link PatientLogService}; when the log is
 * unavailable the pane says why and the rest of the app carries on.
 */
public final class PatientLogPane extends BorderPane {
    private final PatientLogService service;
    private final LogSettings settings;
    private final ViewerModel model;
    private final LogTable table = new LogTable();
    private final HistoryView history = new HistoryView();
    private final TextField search = new TextField();
    private final CheckBox showArchived = new CheckBox("Show archived");
    private final Label message = new Label();
    private final Label fileLabel = new Label();
    private final PatientLogActions actions;
    private final PatientLogViewModel state;

    public PatientLogPane(PatientLogService service, LogSettings settings, ViewerModel model, Consumer<List<Path>> reopen) {
        this(service, settings, model, reopen, new LogDialogs());
    }

    PatientLogPane(PatientLogService service, LogSettings settings, ViewerModel model, Consumer<List<Path>> reopen,
                   LogDialogs dialogs) {
        this.service = service;
        this.settings = settings;
        this.model = model;
        this.state = new PatientLogViewModel(service, model, settings);
        this.actions = new PatientLogActions(this, service, dialogs, reopen);
        setId("patientLogPane");
        setPadding(new Insets(6));
        message.setId("logMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("log-message");
        fileLabel.setId("logFile");
        fileLabel.getStyleClass().add("log-file");
        search.setId("logSearch");
        search.setPromptText("Search path, patient, notes, AI class, finding\u2026");
        showArchived.setId("logShowArchived");
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox top = new VBox(6, message, fileLabel, new HBox(6, search, showArchived), toolBar());
        setTop(top);
        setCenter(table.view());
        BorderPane.setMargin(table.view(), new Insets(6, 0, 6, 0));
        setBottom(history);
        search.textProperty().bindBidirectional(state.searchTextProperty());
        showArchived.selectedProperty().bindBidirectional(state.showArchivedProperty());
        fileLabel.textProperty().bind(state.fileTextProperty());
        state.messageProperty().addListener((o, old, text) -> showMessage());
        state.messageIsErrorProperty().addListener((o, old, error) -> showMessage());
        table.setAiVisible(row -> state.aiVisible(row.imageId()));
        state.rowsProperty().addListener((o, old, rows) -> table.setRows(rows));
        state.historyProperty().addListener((o, old, h) -> showHistory(h));
        state.aiHiddenProperty().addListener((o, old, hidden) -> showHistory(state.historyProperty().get()));
        table.view().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.selected() != null) {
                actions.openSelected();
            }
        });
        table.setRows(state.rowsProperty().get());
        showHistory(state.historyProperty().get());
        showMessage();
    }

    /** A tab holding this pane, for the main window's side tabs. */
    public Tab tab() {
        Tab tab = new Tab("Patient log", this);
        tab.setId("tabPatientLog");
        return tab;
    }

    private FlowPane toolBar() {
        BooleanBinding ready = service.stateProperty().isEqualTo(State.READY);
        BooleanBinding imageOpen = model.imageProperty().isNotNull();
        BooleanBinding rowChosen = table.view().getSelectionModel().selectedItemProperty().isNotNull();
        Button add = button("logNewPatient", "New patient\u2026", actions::newPatient, ready.not());
        Button edit = button("logEditPatient", "Edit patient\u2026", actions::editPatient, ready.not());
        Button attach = button("logAttach", "Attach image\u2026", actions::attach, ready.and(imageOpen).not());
        Button read = button("logRecordRead", "Record read\u2026", actions::recordRead, ready.and(imageOpen).not());
        Button open = button("logOpenImage", "Open image", actions::openSelected, ready.and(rowChosen).not());
        Button export = button("logExport", "Export CSV\u2026", actions::exportCsv, ready.not());
        Button site = button("logThisSite", "This site\u2026", actions::thisSite, ready.not());
        MenuButton archive = new MenuButton("Archive");
        archive.setId("logArchive");
        archive.disableProperty().bind(ready.and(rowChosen).not());
        archive.getItems().addAll(item("Archive image", () -> actions.setImageArchived(true)),
                item("Restore image", () -> actions.setImageArchived(false)),
                item("Archive patient", () -> actions.setPatientArchived(true)),
                item("Restore patient", () -> actions.setPatientArchived(false)));
        MenuButton database = new MenuButton("Log file");
        database.setId("logDatabase");
        CheckMenuItem autoLog = new CheckMenuItem("Log AI runs automatically");
        autoLog.setSelected(settings.logAiRuns());
        autoLog.selectedProperty().addListener((o, old, on) -> settings.setLogAiRuns(on));
        CheckMenuItem readFirst = new CheckMenuItem("Read first: hide the AI until my read is recorded");
        readFirst.setId("logReadFirst");
        readFirst.disableProperty().bind(ready.not());
        readFirst.setSelected(state.readFirstProperty().get());
        state.readFirstProperty().addListener((o, old, on) -> readFirst.setSelected(on));
        readFirst.setOnAction(e -> state.setReadFirst(readFirst.isSelected()));
        MenuItem readerName = item("Reader name\u2026", actions::chooseReaderName);
        readerName.setId("logReaderName");
        database.getItems().addAll(item("Open another log file\u2026", () -> actions.switchDatabase(false)),
                item("New log file\u2026", () -> actions.switchDatabase(true)),
                item("Use the default location", actions::useDefaultDatabase), new SeparatorMenuItem(), autoLog,
                readFirst, readerName);
        FlowPane bar = new FlowPane(6, 6, add, edit, attach, read, open, archive, export, site, database);
        bar.setPrefWrapLength(300);
        return bar;
    }

    private static Button button(String id, String text, Runnable action, BooleanBinding disabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void showMessage() {
        String text = state.messageProperty().get();
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
        Styles.setState(message, "error", state.messageIsErrorProperty().get());
    }

    private void showHistory(PatientLogViewModel.HistoryState h) {
        if (h.history() == null) {
            history.showMessage(h.message());
        } else {
            history.show(h.fileName(), h.history(), state.aiVisible(h.history().image().id()));
            table.selectImage(h.history().image().id());
        }
    }

    void showInfo(String text) {
        state.showInfo(text);
    }

    void showError(String text) {
        state.showError(text);
    }

    LoadedImage openImage() {
        return model.image();
    }

    /** What the log knows about the open image; null when it is not logged (or not yet looked up). */
    ImageHistory openImageHistory() {
        return state.openImageHistory();
    }

    LogTable table() {
        return table;
    }

    LogRow selectedRow() {
        return table.selected();
    }

    List<LogRow> visibleRows() {
        return table.visibleRows();
    }

    LogSettings settings() {
        return settings;
    }

    PatientLogViewModel state() {
        return state;
    }

    /**
     * Whether the open image's AI reading must stay hidden now (the log asks for a read first and this reader has
     * recorded none); the AI tab follows it.
     */
    public ReadOnlyBooleanProperty aiHiddenProperty() {
        return state.aiHiddenProperty();
    }

    /** Tells the log that the AI's reading of {@code file} is on the screen: a read made now is made after it. */
    public void aiShown(Path file) {
        state.aiShown(file);
    }

    HistoryView historyView() {
        return history;
    }
}
