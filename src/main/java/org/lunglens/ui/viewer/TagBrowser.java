package org.lunglens.ui.viewer;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.dicom.DicomDictionary;
import org.lunglens.imaging.dicom.DicomElement;

/** Every top-level tag of a DICOM file in a table (tag, VR, name, value shortened), filtered as the user types. */
final class TagBrowser extends VBox {
    /** One table row; {@code text} is what the filter searches. */
    record TagRow(String tag, String vr, String name, String value) {
        static TagRow of(DicomElement e) {
            return new TagRow(e.tagText(), e.vr(), DicomDictionary.name(e.tag()), e.display(VALUE_CHARS));
        }

        boolean matches(String query) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return q.isEmpty() || (tag + " " + vr + " " + name + " " + value).toLowerCase(Locale.ROOT).contains(q)
                    || tag.replaceAll("[(),]", "").toLowerCase(Locale.ROOT).contains(q.replaceAll("[(),]", ""));
        }
    }

    private static final int VALUE_CHARS = 120;

    private final ObservableList<TagRow> all = FXCollections.observableArrayList();
    private final FilteredList<TagRow> rows = new FilteredList<>(all);
    private final TextField filter = new TextField();
    private final Label title = new Label();
    private final TableView<TagRow> table = new TableView<>(rows);

    TagBrowser() {
        setId("tagBrowser");
        setSpacing(4);
        title.getStyleClass().add("section-title");
        filter.setId("tagFilter");
        filter.setPromptText("Search tags: number, name or value");
        filter.textProperty().addListener((o, old, text) -> rows.setPredicate(r -> r.matches(text)));
        table.setId("tagTable");
        table.setPrefHeight(360);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TagRow, String> tag = column("Tag", TagRow::tag, 90);
        TableColumn<TagRow, String> vr = column("VR", TagRow::vr, 36);
        // A tag number and its VR are read whole; the name and the value give way on a narrow panel
        tag.setMinWidth(100);
        vr.setMinWidth(34);
        table.getColumns().setAll(List.of(tag, vr, column("Name", TagRow::name, 170),
                column("Value", TagRow::value, 200)));
        table.setPlaceholder(new Label("No tag matches."));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(title, filter, table);
    }

    void show(List<DicomElement> elements) {
        filter.clear();
        all.setAll(elements.stream().map(TagRow::of).toList());
        title.setText("All DICOM tags (" + elements.size() + ")");
    }

    List<TagRow> visibleRows() {
        return List.copyOf(rows);
    }

    private static TableColumn<TagRow, String> column(String name, Function<TagRow, String> value, double width) {
        TableColumn<TagRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
