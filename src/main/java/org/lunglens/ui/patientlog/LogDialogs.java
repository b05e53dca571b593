package org.lunglens.ui.patientlog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.lunglens.patientlog.Patient;
import org.lunglens.ui.common.Styles;

/**
 * The patient log pane's dialogs and file choosers, in one place so that tests can replace the native file
 * choosers (which a headless robot cannot drive) and keep the real dialogs.
 */
class LogDialogs {
    Optional<PatientDialog.Result> editPatient(Window owner, Patient existing, String openImageName) {
        return new PatientDialog(owner, existing, openImageName).showAndWait();
    }

    /** A new patient's form, started with what the open DICOM says about its patient. */
    Optional<PatientDialog.Result> newPatient(Window owner, String openImageName, PatientPrefill prefill) {
        return new PatientDialog(owner, null, openImageName, prefill).showAndWait();
    }

    Optional<ReadDialog.Input> recordRead(Window owner, String imageName, String reader, boolean afterAi) {
        return new ReadDialog(owner, imageName, reader, afterAi).showAndWait();
    }

    /** Asks for the name reads are recorded under; empty when cancelled, blank for the OS user. */
    Optional<String> readerName(Window owner, String current) {
        Dialog<String> d = Styles.dialog();
        d.initOwner(owner);
        d.setTitle("Reader name");
        d.setHeaderText("The name your reads are recorded under in the patient log (blank: your login name).");
        TextField name = new TextField(current);
        name.setId("readerNameField");
        d.getDialogPane().setContent(name);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? name.getText() : null);
        return d.showAndWait();
    }

    /** Picks one of {@code patients} (typing filters the list); {@code current} is preselected. */
    Optional<Patient> choosePatient(Window owner, String imageName, List<Patient> patients, Long current) {
        FilteredList<Patient> shown = new FilteredList<>(FXCollections.observableArrayList(patients));
        TextField filter = new TextField();
        filter.setId("attachFilter");
        filter.setPromptText("Filter by ID or name");
        ListView<Patient> list = new ListView<>(shown);
        list.setId("attachPatients");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Patient p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : label(p));
            }
        });
        filter.textProperty().addListener((o, old, text) -> shown.setPredicate(
                p -> label(p).toLowerCase().contains(text.strip().toLowerCase())));
        patients.stream().filter(p -> current != null && p.id() == current).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p));
        Dialog<Patient> dialog = Styles.dialog();
        dialog.initOwner(owner);
        dialog.setTitle("Attach image");
        dialog.setHeaderText("Attach " + imageName + " to a patient");
        dialog.getDialogPane().setContent(new VBox(6, filter, list));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("attachOk");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait();
    }

    static String label(Patient p) {
        return p.localId() + (p.name().isEmpty() ? "" : " \u2014 " + p.name())
                + (p.birth() == null ? "" : ", born " + p.birth());
    }

    boolean confirm(Window owner, String question) {
        Alert alert = Styles.alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    Optional<Path> chooseCsvFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the visible rows as CSV");
        chooser.setInitialFileName("lunglens-log.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    /**
     * A log file to use instead: an existing one ({@code create} false), or a new file name ({@code create} true;
     * it is created on open). Existing files are opened, never replaced, whatever the chooser says.
     */
    Optional<Path> chooseDatabaseFile(Window owner, boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New patient log file" : "Open a patient log file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LungLens log", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (create) {
            chooser.setInitialFileName("lunglens.db");
        }
        File file = create ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
