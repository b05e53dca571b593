package org.lunglens.ui.ai;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.lunglens.gradcam.Heatmap;
import org.lunglens.imaging.ColorMap;

/**
 * The Grad-CAM controls: overlay on/off (G), class to explain, opacity, threshold, colour map, a legend
 * from 0 to the map's maximum with the threshold marked, the explained layer, and a note when the map is empty.
 */
final class GradCamPanel extends VBox {
    private static final int LEGEND_WIDTH = 200;

    private final AiSettings settings;
    private final ChoiceBox<String> explain = new ChoiceBox<>();
    private final Label layer = new Label();
    private final Label empty = new Label();
    private final ImageView legendBar = new ImageView();
    private final Line thresholdMark = new Line(0, -3, 0, 15);
    private final Label legendMax = new Label();
    private boolean updating;

    GradCamPanel(AiSettings settings, BooleanProperty overlayShown, IntConsumer onExplain) {
        this.settings = settings;
        setId("gradCamPanel");
        setSpacing(6);
        Label title = new Label("Grad-CAM: where the model looked");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        CheckBox toggle = new CheckBox("Show heatmap over the image (G)");
        toggle.setId("gradCamToggle");
        toggle.selectedProperty().bindBidirectional(overlayShown);
        explain.setId("explainChoice");
        explain.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!updating && i.intValue() >= 0) {
                onExplain.accept(i.intValue());
            }
        });
        layer.setId("gradCamLayer");
        layer.setWrapText(true);
        empty.setId("gradCamEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("caution-text");
        showEmpty(false);
        getChildren().addAll(title, toggle, controls(), legend(), layer, empty);
        settings.colorMapProperty().addListener((o, old, m) -> drawLegendBar(m));
        settings.thresholdProperty().addListener((o, old, t) -> placeThreshold());
        drawLegendBar(settings.colorMapProperty().get());
        placeThreshold();
    }

    private GridPane controls() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Slider opacity = slider("opacitySlider", settings.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(settings.opacityProperty());
        Slider threshold = slider("thresholdSlider", settings.thresholdProperty().get());
        threshold.valueProperty().bindBidirectional(settings.thresholdProperty());
        ChoiceBox<ColorMap> map = new ChoiceBox<>();
        map.setId("colorMapChoice");
        map.getItems().addAll(ColorMap.values());
        map.setConverter(new StringConverter<>() {
            @Override
            public String toString(ColorMap m) {
                return m == null ? "" : m.displayName();
            }

            @Override
            public ColorMap fromString(String s) {
                return ColorMap.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        map.valueProperty().bindBidirectional(settings.colorMapProperty());
        grid.addRow(0, name("Explain"), explain);
        grid.addRow(1, name("Opacity"), opacity, value("opacityValue", opacity, "%.0f %%", 100));
        grid.addRow(2, name("Threshold"), threshold, value("thresholdValue", threshold, "%.2f", 1));
        grid.addRow(3, name("Colours"), map);
        return grid;
    }

    /** A row name that keeps its width: the slider gives way, not the word. */
    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The slider's value beside it, so that a teacher can say "at 50 % opacity" and a reader can repeat it. */
    private static Label value(String id, Slider slider, String format, double factor) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(40);
        l.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, format, slider.getValue() * factor), slider.valueProperty()));
        return l;
    }

    private static Slider slider(String id, double value) {
        Slider s = new Slider(0, 1, value);
        s.setId(id);
        s.setPrefWidth(150);
        s.setMinWidth(60);
        return s;
    }

    private VBox legend() {
        Pane bar = new Pane(legendBar, thresholdMark);
        bar.setPrefSize(LEGEND_WIDTH, 12);
        bar.setMaxWidth(LEGEND_WIDTH);
        thresholdMark.setStroke(Color.DODGERBLUE);
        thresholdMark.setStrokeWidth(2);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        legendMax.setId("legendMax");
        HBox labels = new HBox(new Label("0"), gap, legendMax);
        labels.setMaxWidth(LEGEND_WIDTH);
        labels.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("scaled to the map's maximum; blue mark = threshold");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        VBox box = new VBox(2, bar, labels, note);
        box.setId("gradCamLegend");
        return box;
    }

    private void drawLegendBar(ColorMap map) {
        int[] argb = new int[LEGEND_WIDTH * 12];
        for (int x = 0; x < LEGEND_WIDTH; x++) {
            int c = map.argb(x / (double) (LEGEND_WIDTH - 1));
            for (int y = 0; y < 12; y++) {
                argb[y * LEGEND_WIDTH + x] = c;
            }
        }
        WritableImage img = new WritableImage(LEGEND_WIDTH, 12);
        img.getPixelWriter().setPixels(0, 0, LEGEND_WIDTH, 12, PixelFormat.getIntArgbInstance(), argb, 0, LEGEND_WIDTH);
        legendBar.setImage(img);
    }

    private void placeThreshold() {
        double x = settings.thresholdProperty().get() * (LEGEND_WIDTH - 1);
        thresholdMark.setStartX(x);
        thresholdMark.setEndX(x);
    }

    /** Fills the class choice without triggering a new explanation. */
    void setClasses(List<String> classes, int selected) {
        updating = true;
        try {
            explain.getItems().setAll(classes);
            explain.getSelectionModel().select(selected);
        } finally {
            updating = false;
        }
    }

    void show(Heatmap map, String layerDescription) {
        if (map == null) {
            layer.setText(layerDescription == null ? "" : "This model has no convolutional layer: no Grad-CAM.");
            legendMax.setText("max");
            showEmpty(false);
            return;
        }
        layer.setText("Explained layer: " + map.layer());
        legendMax.setText(String.format(Locale.ROOT, "max %.3g", map.rawMax()));
        empty.setText("The heatmap for '" + map.className() + "' is empty: nothing in this layer counts for that "
                + "class (the model is unsure, or sees no evidence for it). Nothing is drawn.");
        showEmpty(map.isEmpty());
    }

    void clear() {
        layer.setText("");
        legendMax.setText("max");
        showEmpty(false);
    }

    private void showEmpty(boolean on) {
        empty.setVisible(on);
        empty.setManaged(on);
    }

    ChoiceBox<String> explainChoice() {
        return explain;
    }
}
