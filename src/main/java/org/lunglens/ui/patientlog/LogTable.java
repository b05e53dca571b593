package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.table.TableFilter;
import org.lunglens.patientlog.LogRow;
import org.lunglens.ui.common.Styles;

/**
 * The log table: one row per image with its patient, latest AI result and latest read. Columns sort on click;
 * ControlsFX's {@link TableFilter} adds Excel-like value filters to each header (right-click a header). The
 * items shown ({@link #visibleRows()}) are what is searched, filtered and sorted, and what CSV export writes.
 */
final class LogTable {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    private final TableView<LogRow> table = new TableView<>(rows);
    private final TableFilter<LogRow> filter;
    /** Read-first: which rows may show the AI's reading; the others say it is hidden. */
    private Predicate<LogRow> aiVisible = r -> true;
    static final String HIDDEN = "hidden: read first";

    LogTable() {
        table.setId("logTable");
        table.setPlaceholder(new Label("No images in the log match."));
        table.getColumns().addAll(List.of(
                column("Patient", 70, LogRow::patientLocalId),
                column("Name", 105, LogRow::patientName),
                fileColumn(),
                column("Acquired", 80, r -> r.acquiredOn() == null ? null : r.acquiredOn().toString()),
                // A flagged film's reading is not reliable: the table says so beside it, as the AI tab does
                column("AI", 120, r -> r.predictedClass() == null ? null : !aiVisible.test(r) ? HIDDEN
                        : Boolean.TRUE.equals(r.unfamiliar()) ? r.predictedClass() + " (unfamiliar film)"
                        : r.predictedClass()),
                percentColumn("P(AI)", r -> aiVisible.test(r) ? r.predictedProbability() : null),
                column("Read", 95, LogRow::readFinding),
                percentColumn("Conf.", LogRow::readConfidence),
                column("When", 72, r -> r.readAfterAi() == null ? null
                        : r.readAfterAi() ? "after AI" : "before AI"),
                column("Analysed", 110, r -> time(r.analyzedAt())),
                column("Model", 100, r -> aiVisible.test(r) ? r.modelName() : null)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                // archived rows appear only with "Show archived"; grey them so they are not mistaken for current
                Styles.setState(this, "archived", !empty && row != null && row.imageArchived());
            }
        });
        filter = TableFilter.forTableView(table).lazy(true).apply();
    }

    void setAiVisible(Predicate<LogRow> visible) {
        aiVisible = visible;
        table.refresh();
    }

    TableFilter<LogRow> filter() {
        return filter;
    }

    TableView<LogRow> view() {
        return table;
    }

    /** Replaces the rows (the result of a new search); filters and sort order stay. */
    void setRows(List<LogRow> newRows) {
        Long selected = selected() == null ? null : selected().imageId();
        rows.setAll(newRows);
        if (selected != null) {
            table.getItems().stream().filter(r -> r.imageId() == selected).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    /** Selects the row of image {@code imageId} when it is shown. */
    void selectImage(long imageId) {
        table.getItems().stream().filter(r -> r.imageId() == imageId).findFirst().ifPresent(r -> {
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        });
    }

    /** The rows as shown: searched, filtered by the column filters and sorted. */
    List<LogRow> visibleRows() {
        return List.copyOf(table.getItems());
    }

    LogRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static TableColumn<LogRow, String> column(String name, double width, Function<LogRow, String> value) {
        TableColumn<LogRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<LogRow, String> fileColumn() {
        TableColumn<LogRow, String> c = column("Image", 120, r -> Path.of(r.path()).getFileName().toString());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                LogRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : name);
                setTooltip(row == null ? null : new Tooltip(row.path()));
            }
        });
        return c;
    }

    private static TableColumn<LogRow, Double> percentColumn(String name, Function<LogRow, Double> value) {
        TableColumn<LogRow, Double> c = new TableColumn<>(name);
        c.setPrefWidth(56);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : percent(p));
            }
        });
        return c;
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p * 100);
    }
}
