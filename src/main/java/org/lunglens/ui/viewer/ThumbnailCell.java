package org.lunglens.ui.viewer;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** A study list row: thumbnail and file name; a warning sign when the file cannot be read. */
final class ThumbnailCell extends ListCell<Path> {
    private final ThumbnailCache cache;
    private final ImageView thumb = new ImageView();
    private final StackPane frame = new StackPane(thumb);
    private final Label name = new Label();
    private final HBox row = new HBox(6, frame, name);

    ThumbnailCell(ThumbnailCache cache) {
        this.cache = cache;
        frame.setMinSize(ThumbnailCache.SIZE, ThumbnailCache.SIZE);
        frame.setPrefSize(ThumbnailCache.SIZE, ThumbnailCache.SIZE);
        frame.getStyleClass().add("thumbnail-frame");
        name.setWrapText(true);
        name.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
    }

    @Override
    protected void updateItem(Path item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        name.setText(item.getFileName().toString());
        thumb.setImage(null);
        setGraphic(row);
        setTooltip(new Tooltip(item.toString()));
        cache.get(item, entry -> {
            if (item.equals(getItem())) {
                thumb.setImage(entry.image());
                if (entry.error() != null) {
                    name.setText("\u26a0 " + item.getFileName() + " (unreadable)");
                    setTooltip(new Tooltip(entry.error()));
                }
            }
        });
    }
}
