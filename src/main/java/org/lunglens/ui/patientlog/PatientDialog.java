package org.lunglens.ui.patientlog;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.lunglens.patientlog.Patient;
import org.lunglens.patientlog.Sex;
import org.lunglens.ui.common.Styles;

/** Add or edit a patient: local ID, name, birth year or date, sex, notes; checked before it closes. */
final class PatientDialog {
    /** What the user entered; {@code attachOpenImage} only for a new patient with an image open. */
    record Result(Patient patient, boolean attachOpenImage) {
    }

    private final Dialog<Result> dialog = Styles.dialog();
    private final TextField localId = field("patientLocalId");
    private final TextField name = field("patientName");
    private final TextField birth = field("patientBirth");
    private final ComboBox<Sex> sex = new ComboBox<>();
    private final TextArea notes = new TextArea();
    private final CheckBox attach = new CheckBox();
    private final Label error = new Label();

    /**
     * @param existing      the patient to edit, or null for a new one
     * @param openImageName the open image's name, offered for attaching to a new patient; null when none
     */
    PatientDialog(Window owner, Patient existing, String openImageName) {
        this(owner, existing, openImageName, PatientPrefill.NONE);
    }

    /** @param prefill a new patient's starting values (from the open DICOM); ignored when editing */
    PatientDialog(Window owner, Patient existing, String openImageName, PatientPrefill prefill) {
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? "New patient" : "Edit patient " + existing.localId());
        dialog.setHeaderText(existing == null ? "Add a patient to the log" : null);
        sex.setId("patientSex");
        sex.getItems().setAll(Sex.values());
        sex.setValue(Sex.UNKNOWN);
        notes.setId("patientNotes");
        notes.setPrefRowCount(3);
        birth.setPromptText("1948 or 1948-03-07");
        error.setId("patientError");
        error.getStyleClass().add("warning-text");
        if (existing == null) {
            localId.setText(prefill.localId());
            name.setText(prefill.name());
            birth.setText(prefill.birth());
            sex.setValue(prefill.sex());
        } else {
            localId.setText(existing.localId());
            name.setText(existing.name());
            birth.setText(existing.birth() == null ? "" : existing.birth());
            sex.setValue(existing.sex());
            notes.setText(existing.notes());
        }
        attach.setId("patientAttachOpen");
        attach.setText(openImageName == null ? "" : "Attach the open image (" + openImageName + ")");
        attach.setSelected(openImageName != null);
        attach.setVisible(existing == null && openImageName != null);
        attach.setManaged(attach.isVisible());
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("patientOk");
        ok.disableProperty().bind(localId.textProperty().isEmpty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (build(existing) == null) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Result(build(existing), attach.isVisible()
                && attach.isSelected()) : null);
    }

    Optional<Result> showAndWait() {
        return dialog.showAndWait();
    }

    /** The patient as entered, or null (with the reason shown) when a field is not valid. */
    private Patient build(Patient existing) {
        try {
            Patient p = existing == null
                    ? Patient.draft(localId.getText().strip(), name.getText().strip(), birth.getText().strip(),
                            sex.getValue(), notes.getText())
                    : existing.withDetails(localId.getText().strip(), name.getText().strip(), birth.getText().strip(),
                            sex.getValue(), notes.getText());
            error.setText("");
            return p;
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return null;
        }
    }

    private GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Local ID"), localId);
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, new Label("Birth"), birth);
        grid.addRow(3, new Label("Sex"), sex);
        grid.addRow(4, new Label("Notes"), notes);
        grid.add(attach, 1, 5);
        grid.add(error, 0, 6, 2, 1);
        return grid;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(24);
        return f;
    }
}
