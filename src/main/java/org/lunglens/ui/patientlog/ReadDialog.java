package org.lunglens.ui.patientlog;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.lunglens.ui.common.Styles;

/**
 * A reader's own read: finding, confidence, free text. Whether it is made before or after seeing the AI is not asked:
 * the app knows what it has shown ({@code afterAi}) and says so in the dialog, so the record cannot be mistaken.
 */
final class ReadDialog {
    /** The read as entered; confidence in [0, 1]. */
    record Input(String finding, double confidence, boolean afterAi, String text) {
    }

    static final List<String> FINDINGS = List.of("COVID", "Normal", "Viral Pneumonia", "Lung Opacity", "Other");

    private final Dialog<Input> dialog = Styles.dialog();
    private final ComboBox<String> finding = new ComboBox<>();
    private final Slider confidence = new Slider(0, 100, 70);
    private final Label timing = new Label();
    private final TextArea text = new TextArea();

    /**
     * @param reader  the name the read is recorded under
     * @param afterAi whether the app has shown the AI's reading of this image
     */
    ReadDialog(Window owner, String imageName, String reader, boolean afterAi) {
        dialog.initOwner(owner);
        dialog.setTitle("Record a read");
        dialog.setHeaderText("Your read of " + imageName + " (recorded as " + reader + ")");
        finding.setId("readFinding");
        finding.setEditable(true);
        finding.getItems().setAll(FINDINGS);
        confidence.setId("readConfidence");
        confidence.setShowTickLabels(true);
        confidence.setMajorTickUnit(25);
        Label confidenceValue = new Label();
        confidenceValue.textProperty().bind(Bindings.format("%.0f %%", confidence.valueProperty()));
        timing.setId("readTiming");
        timing.setWrapText(true);
        timing.setMaxWidth(360);
        timing.setText(afterAi ? "After seeing the AI: LungLens has shown you the AI's reading of this image."
                : "Before seeing the AI: LungLens has not shown you any AI reading of this image.");
        text.setId("readText");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Finding"), finding);
        grid.addRow(1, new Label("Confidence"), confidence, confidenceValue);
        grid.addRow(2, new Label("Made"), timing);
        grid.addRow(3, new Label("Notes"), text);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("readOk");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> findingText().isEmpty(),
                finding.valueProperty(), finding.getEditor().textProperty()));
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Input(findingText(), confidence.getValue() / 100, afterAi, text.getText()) : null);
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
