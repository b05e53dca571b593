package org.lunglens.ui.viewer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueScale;
import org.lunglens.imaging.dicom.DicomInfo;

/** The "Info" tab: what the file is, its main DICOM tags, and a searchable table of all of them. */
public final class InfoPane extends VBox {
    private final GridPane summary = new GridPane();
    private final TagBrowser tags = new TagBrowser();

    public InfoPane(ViewerModel model) {
        setId("infoPane");
        setPadding(new Insets(8));
        setSpacing(10);
        summary.setHgap(10);
        summary.setVgap(4);
        model.imageProperty().addListener((o, old, img) -> show(img));
        show(null);
    }

    private void show(LoadedImage img) {
        summary.getChildren().clear();
        if (img == null) {
            summary.add(new Label("No image open."), 0, 0);
            getChildren().setAll(summary);
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
        ValueScale scale = img.valueScale();
        if (!scale.isIdentity()) {
            rows.put("In the file's units", scale.format(scale.slope() > 0 ? range[0] : range[1]) + " .. "
                    + scale.format(scale.slope() > 0 ? range[1] : range[0]));
        }
        img.pixelSpacing().ifPresent(s -> rows.put("Pixel spacing", s.toString()));
        if (img.frameCount() > 1) {
            rows.put("Frames", img.frameCount() + " (the first is shown)");
        }
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
            summary.addRow(r++, key, value);
        }
        if (img.dicomInfo().isPresent()) {
            tags.show(img.dicomInfo().map(DicomInfo::elements).orElseThrow());
            getChildren().setAll(summary, tags);
        } else {
            getChildren().setAll(summary);
        }
    }

    /** The tag table's rows as filtered now (for tests). */
    java.util.List<TagBrowser.TagRow> visibleTagRows() {
        return tags.visibleRows();
    }
}
