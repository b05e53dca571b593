package org.lunglens.ui.patientlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.lunglens.measure.MeasurementKind;
import org.lunglens.patientlog.AnalysisRecord;
import org.lunglens.patientlog.ImageHistory;
import org.lunglens.patientlog.MeasurementRecord;
import org.lunglens.patientlog.Patient;
import org.lunglens.patientlog.ReadRecord;

/** The open image's history in the log: its patient, then every analysis, read and measurement, oldest first. */
final class HistoryView extends VBox {
    private final Label title = new Label();
    private final ListView<String> entries = new ListView<>();

    HistoryView() {
        super(4);
        title.setId("logHistoryTitle");
        title.setWrapText(true);
        title.getStyleClass().add("section-title");
        entries.setId("logHistory");
        entries.setPrefHeight(170);
        entries.setPlaceholder(new Label("No analyses, reads or measurements yet."));
        entries.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                // wrap within the list, not beyond it: a line is a whole analysis or read
                prefWidthProperty().bind(list.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        getChildren().addAll(title, entries);
    }

    void showMessage(String message) {
        title.setText(message);
        entries.getItems().clear();
    }

    /** @param aiVisible false while read-first hides the AI: its analyses are then not listed, only counted */
    void show(String fileName, ImageHistory history, boolean aiVisible) {
        Patient p = history.patient();
        title.setText("History of " + fileName + (p == null ? " \u2014 not attached to a patient"
                : " \u2014 patient " + p.localId() + (p.name().isEmpty() ? "" : " (" + p.name() + ")")));
        entries.getItems().setAll(lines(history, aiVisible));
    }

    List<String> lines() {
        return List.copyOf(entries.getItems());
    }

    static List<String> lines(ImageHistory history, boolean aiVisible) {
        record Entry(Instant at, long id, String text) {
        }
        List<Entry> all = new ArrayList<>();
        if (aiVisible) {
            history.analyses().forEach(a -> all.add(new Entry(a.createdAt(), a.id(), describe(a))));
        } else if (!history.analyses().isEmpty()) {
            all.add(new Entry(Instant.MIN, 0, HIDDEN));
        }
        history.reads().forEach(r -> all.add(new Entry(r.createdAt(), r.id(), describe(r))));
        history.measurements().forEach(m -> all.add(new Entry(m.createdAt(), m.id(), describe(m))));
        all.sort(Comparator.comparing(Entry::at).thenComparing(Entry::id));
        return all.stream().map(Entry::text).toList();
    }

    static final String HIDDEN = "AI reading hidden: read first is on for this log; record your read to see it.";

    static String describe(AnalysisRecord a) {
        String probabilities = a.probabilities().stream()
                .map(p -> p.className() + " " + LogTable.percent(p.probability())).collect(Collectors.joining(", "));
        return LogTable.time(a.createdAt()) + "  AI " + a.modelName() + ": " + a.predictedClass() + " ("
                + probabilities + "), " + a.durationMillis() + " ms, " + a.osUser() + archived(a.archived())
                + unfamiliarNote(a);
    }

    /** Why the reading is not relied on: the film itself, or (its own score passing) the films read with it. */
    private static String unfamiliarNote(AnalysisRecord a) {
        if (!a.unfamiliar()) {
            return "";
        }
        boolean filmPassed = a.familiarity().unfamiliarity() <= 1;
        return filmPassed ? " \u2014 UNFAMILIAR SITE: read among films that, taken together, are unlike the films the"
                + " model learned from; its reading is not reliable here"
                : " \u2014 UNFAMILIAR FILM: unlike the films the model learned from; its reading is not reliable here";
    }

    static String describe(ReadRecord r) {
        return LogTable.time(r.createdAt()) + "  Read by " + r.reader() + ": " + r.finding() + ", confidence "
                + Math.round(r.confidence() * 100) + " %, " + (r.afterAi() ? "after" : "before") + " seeing the AI"
                + (r.text().isBlank() ? "" : " \u2014 " + r.text().strip()) + archived(r.archived())
                + (r.source() == ReadRecord.Source.READER ? "" : " [" + r.source().stored() + "]");
    }

    static String describe(MeasurementRecord m) {
        String kind = MeasurementKind.ofStored(m.kind()).label();
        return LogTable.time(m.createdAt()) + "  " + kind + (m.valueText().isBlank() ? "" : ": " + m.valueText())
                + ", " + m.changedBy() + (m.archived() ? " [removed]" : "");
    }

    private static String archived(boolean archived) {
        return archived ? " [archived]" : "";
    }
}
