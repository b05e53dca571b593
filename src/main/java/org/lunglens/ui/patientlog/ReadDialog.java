package org.lunglens.ui.patientlog;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lunglens.ui.common.Styles;

/**
 * A reader's own read: finding, confidence, whether it was made before or after seeing the AI, free text. The
 * before/after choice has no default: a read made after the AI is biased by it, and only the reader knows.
 */
final class ReadDialog {
    /** The read as entered; confidence in [0, 1]. */
    record Input(String finding, double confidence, boolean afterAi, String text) {
    }

    static final List<String> FINDINGS = List.of("COVID", "Normal", "Viral Pneumonia", "Lung Opacity", "Other");

    private final Dialog<Input> dialog = Styles.dialog();
    private final ComboBox<String> finding = new ComboBox<>();
    private final Slider confidence = new Slider(0, 100, 70);
    private final ToggleGroup timing = new ToggleGroup();
    private final RadioButton before = new RadioButton("Before seeing the AI result");
    private final RadioButton after = new RadioButton("After seeing the AI result");
    private final TextArea text = new TextArea();

    ReadDialog(Window owner, String imageName) {
        dialog.initOwner(owner);
        dialog.setTitle("Record a read");
        dialog.setHeaderText("Your read of " + imageName);
        finding.setId("readFinding");
        finding.setEditable(true);
        finding.getItems().setAll(FINDINGS);
        confidence.setId("readConfidence");
        confidence.setShowTickLabels(true);
        confidence.setMajorTickUnit(25);
        Label confidenceValue = new Label();
        confidenceValue.textProperty().bind(Bindings.format("%.0f %%", confidence.valueProperty()));
        before.setId("readBeforeAi");
        after.setId("readAfterAi");
        before.setToggleGroup(timing);
        after.setToggleGroup(timing);
        text.setId("readText");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Finding"), finding);
        grid.addRow(1, new Label("Confidence"), confidence, confidenceValue);
        grid.addRow(2, new Label("Made"), new VBox(4, before, after));
        grid.addRow(3, new Label("Notes"), text);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("readOk");
        ok.disableProperty().bind(timing.selectedToggleProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> findingText().isEmpty(), finding.valueProperty(),
                        finding.getEditor().textProperty())));
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Input(findingText(), confidence.getValue() / 100, after.isSelected(), text.getText()) : null);
    }

    Optional<Input> showAndWait() {
        return dialog.showAndWait();
    }

    private String findingText() {
        String typed = finding.getEditor().getText();
        String value = typed != null && !typed.isBlank() ? typed : finding.getValue();
        return value == null ? "" : value.strip();
    }
}
