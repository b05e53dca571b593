package org.lunglens.ui.viewer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelData;

/** The "Info" tab: what the file is, and its DICOM tags when it has any. */
public final class InfoPane extends GridPane {
    public InfoPane(ViewerModel model) {
        setId("infoPane");
        setPadding(new Insets(8));
        setHgap(10);
        setVgap(4);
        model.imageProperty().addListener((o, old, img) -> show(img));
        show(null);
    }

    private void show(LoadedImage img) {
        getChildren().clear();
        if (img == null) {
            add(new Label("No image open."), 0, 0);
            return;
        }
        PixelData p = img.pixels();
        int[] range = p.valueRange();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("File", img.fileName());
        rows.put("Folder", String.valueOf(img.source().toAbsolutePath().getParent()));
        rows.put("Format", img.format());
        rows.put("Size", p.width() + " x " + p.height() + " px");
        rows.put("Bit depth", p.bitDepth() + "-bit (0-" + p.maxValue() + ")");
        rows.put("Colour", img.colourModel());
        rows.put("Values", String.format(Locale.ROOT, "%d..%d", range[0], range[1]));
        if (!img.tags().isEmpty()) {
            rows.put("", "");
            rows.put("DICOM tags", "");
            rows.putAll(img.tags());
        }
        int r = 0;
        for (Map.Entry<String, String> e : rows.entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("section-title");
            Label value = new Label(e.getValue());
            value.setWrapText(true);
            value.setId("info-" + e.getKey().replace(' ', '-'));
            addRow(r++, key, value);
        }
    }
}
