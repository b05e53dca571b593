package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TableColumn;
import javafx.stage.Window;
import org.lunglens.patientlog.LogRow;

/** What tests outside this package need of the log pane: dialogs without native choosers, a cell, the history. */
public final class PatientLogTestAccess {
    private PatientLogTestAccess() {
    }

    /** The real dialogs, with the CSV file chooser answered by {@code csv} and confirmations answered yes. */
    public static LogDialogs dialogs(Path csv) {
        return new LogDialogs() {
            @Override
            Optional<Path> chooseCsvFile(Window owner) {
                return Optional.of(csv);
            }

            @Override
            boolean confirm(Window owner, String question) {
                return true;
            }
        };
    }

    /** The text the table's "AI" column shows for visible row {@code index}. */
    public static String aiCell(PatientLogFeature feature, int index) {
        var table = feature.pane().table().view();
        if (table.getItems().size() <= index) {
            return "";
        }
        @SuppressWarnings("unchecked")
        TableColumn<LogRow, Object> ai = (TableColumn<LogRow, Object>) table.getColumns().stream()
                .filter(c -> c.getText().equals("AI")).findFirst().orElseThrow();
        Object value = ai.getCellData(index);
        return value == null ? "" : value.toString();
    }

    public static List<LogRow> rows(PatientLogFeature feature) {
        return feature.pane().visibleRows();
    }

    public static List<String> history(PatientLogFeature feature) {
        return feature.pane().historyView().lines();
    }
}
