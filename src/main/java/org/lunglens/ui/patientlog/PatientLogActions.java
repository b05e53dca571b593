package org.lunglens.ui.patientlog;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.CsvExport;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.ImageRecord;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.LogStoreException.Reason;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.Patient;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.PatientQuery;
import org.lunglens.patientlog.PrivateFiles;
import org.lunglens.patientlog.ReadRecord;

/** What the patient log pane's buttons do: a dialog on the FX thread, then the log work on the database thread. */
final class PatientLogActions {
    private final PatientLogPane pane;
    private final PatientLogService service;
    private final LogDialogs dialogs;
    private final Consumer<List<Path>> reopen;

    PatientLogActions(PatientLogPane pane, PatientLogService service, LogDialogs dialogs, Consumer<List<Path>> reopen) {
        this.pane = pane;
        this.service = service;
        this.dialogs = dialogs;
        this.reopen = reopen;
    }

    void newPatient() {
        LoadedImage image = pane.openImage();
        String name = image == null ? null : image.fileName();
        dialogs.newPatient(owner(), name, PatientPrefill.of(image)).ifPresent(result ->
                service.write(log -> {
                    Patient added = log.patients().add(result.patient());
                    if (result.attachOpenImage()) {
                        log.images().attachToPatient(register(log, image).id(), added.id());
                    }
                    return added;
                }, added -> pane.showInfo("Added patient " + added.localId()
                        + (result.attachOpenImage() ? " with " + image.fileName() : "") + "."), pane::showError));
    }

    /** Edits the selected row's patient, else the open image's patient. */
    void editPatient() {
        Long id = pane.selectedRow() != null ? pane.selectedRow().patientId()
                : pane.openImageHistory() != null && pane.openImageHistory().patient() != null
                ? pane.openImageHistory().patient().id() : null;
        if (id == null) {
            pane.showError("Select a row with a patient (or open an image attached to one) to edit the patient.");
            return;
        }
        service.read(log -> log.patients().find(id).orElseThrow(
                () -> new LogStoreException(Reason.NOT_FOUND, "The patient is no longer in the log.")), patient ->
                dialogs.editPatient(owner(), patient, null).ifPresent(result -> service.write(
                        log -> log.patients().update(result.patient()),
                        saved -> pane.showInfo("Saved patient " + saved.localId() + "."), pane::showError)),
                pane::showError);
    }

    void attach() {
        LoadedImage image = pane.openImage();
        ImageHistory known = pane.openImageHistory();
        Long current = known == null ? null : known.image().patientId();
        service.read(log -> log.patients().search(PatientQuery.all()), patients -> {
            if (patients.isEmpty()) {
                pane.showError("There are no patients in the log yet: add one with \"New patient\".");
                return;
            }
            dialogs.choosePatient(owner(), image.fileName(), patients, current).ifPresent(patient ->
                    service.write(log -> log.images().attachToPatient(register(log, image).id(), patient.id()),
                            done -> pane.showInfo("Attached " + image.fileName() + " to " + patient.localId() + "."),
                            pane::showError));
        }, pane::showError);
    }

    /** Records a read under the reader's name, made before or after the AI as the app has shown it. */
    void recordRead() {
        LoadedImage image = pane.openImage();
        String reader = pane.state().readerName();
        boolean afterAi = pane.state().aiSeenForOpenImage();
        dialogs.recordRead(owner(), image.fileName(), reader, afterAi).ifPresent(input -> service.write(
                log -> log.reads().add(ReadRecord.draft(register(log, image).id(), input.finding(),
                        input.confidence(), input.afterAi(), input.text()).by(reader)),
                read -> pane.showInfo("Recorded your read of " + image.fileName() + " ("
                        + (afterAi ? "after" : "before") + " seeing the AI)."), pane::showError));
    }

    void chooseReaderName() {
        dialogs.readerName(owner(), pane.settings().readerName()).ifPresent(name -> {
            pane.settings().setReaderName(name);
            pane.showInfo("Reads are recorded as " + pane.settings().readerName() + ".");
            pane.state().refresh();
        });
    }

    /** Opens the selected row's file in the viewer, through the same path as File > Open. */
    void openSelected() {
        Path file = Path.of(pane.selectedRow().path());
        service.read(log -> Files.isRegularFile(file), exists -> {
            if (exists) {
                reopen.accept(List.of(file));
            } else {
                pane.showError("The image file is no longer at " + file + " (moved or deleted). Open it from its new"
                        + " place and the log will recognise it by its content.");
            }
        }, pane::showError);
    }

    void setImageArchived(boolean archived) {
        long id = pane.selectedRow().imageId();
        String name = Path.of(pane.selectedRow().path()).getFileName().toString();
        if (archived && !dialogs.confirm(owner(), "Archive " + name + "? It is hidden from the log but kept;"
                + " \"Show archived\" lists it again and it can be restored.")) {
            return;
        }
        service.write(log -> archived ? log.images().archive(id) : log.images().restore(id),
                done -> pane.showInfo((archived ? "Archived " : "Restored ") + name + "."), pane::showError);
    }

    void setPatientArchived(boolean archived) {
        Long id = pane.selectedRow().patientId();
        if (id == null) {
            pane.showError("The selected image is not attached to a patient.");
            return;
        }
        String localId = pane.selectedRow().patientLocalId();
        if (archived && !dialogs.confirm(owner(), "Archive patient " + localId + "? The patient and their images"
                + " are hidden from the log but kept, and can be restored.")) {
            return;
        }
        service.write(log -> archived ? log.patients().archive(id) : log.patients().restore(id),
                done -> pane.showInfo((archived ? "Archived " : "Restored ") + "patient " + localId + "."),
                pane::showError);
    }

    void exportCsv() {
        List<LogRow> rows = pane.visibleRows();
        dialogs.chooseCsvFile(owner()).ifPresent(file -> service.read(log -> {
            var reads = log.reads().forImages(rows.stream().map(LogRow::imageId).toList());
            try (Writer out = PrivateFiles.newWriter(file)) {
                CsvExport.writeLogRows(out, rows, reads);
            }
            return rows.size();
        }, n -> pane.showInfo("Exported " + n + (n == 1 ? " row" : " rows") + " to " + file + "."), pane::showError));
    }

    /** How the AI has agreed with this site's readers, per model and period. */
    void thisSite() {
        SiteAgreementWindow.open(owner(), service);
    }

    void switchDatabase(boolean create) {
        dialogs.chooseDatabaseFile(owner(), create).ifPresent(file -> {
            pane.settings().setDatabaseFile(file);
            service.open(file);
        });
    }

    void useDefaultDatabase() {
        pane.settings().setDatabaseFile(null);
        service.open(pane.settings().resolve(null));
    }

    private static final AnalysisRecorder RECORDER = new AnalysisRecorder();

    /** The log's record of the open image, registered by its content hash if new. */
    private static ImageRecord register(PatientLog log, LoadedImage image) throws LogStoreException {
        try {
            return RECORDER.register(log, AnalysedFilm.of(image));
        } catch (java.io.IOException e) {
            throw new LogStoreException(Reason.CANNOT_OPEN, "The image file " + image.source()
                    + " cannot be read to register it: " + e.getMessage(), e);
        }
    }

    private Window owner() {
        return pane.getScene() == null ? null : pane.getScene().getWindow();
    }
}
