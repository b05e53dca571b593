package org.lunglens.ui.teaching;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.model.LabelledImage;
import org.lunglens.teaching.CaseSet;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.common.Styles;

/** A case set at a glance: films per class as a bar chart, and a row of sample films per class. */
final class DataSetOverview extends VBox {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataSetOverview.class);
    static final int SAMPLES = 8;
    private static final int THUMB = 112;

    private final GridPane grid = new GridPane();
    private final Consumer<Path> open;
    private final Map<String, List<LabelledImage>> samples = new LinkedHashMap<>();

    /** @param open opens a sample film in the main viewer (double-click on its thumbnail) */
    DataSetOverview(CaseSet set, long seed, BackgroundWork work, Consumer<Path> open) {
        this.open = open;
        setId("dataSetOverview");
        setSpacing(10);
        setPadding(new Insets(12));
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("images");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("classCounts");
        chart.setTitle("Images per class \u2014 " + set.name() + " (" + set.cases().size() + " in all)");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        set.counts().forEach((c, n) -> series.getData().add(new XYChart.Data<>(c + " (" + n + ")", n)));
        chart.getData().add(series);
        grid.setHgap(6);
        grid.setVgap(6);
        Label title = new Label("Samples per class (seed " + seed + ")");
        title.getStyleClass().add("section-title");
        getChildren().addAll(chart, title, grid);
        for (String c : set.classes()) {
            samples.put(c, new CaseSet(set.name(), List.of(c), set.ofClass(c)).sample(SAMPLES, seed));
        }
        work.execute(TaskExecutor.Lane.COMPUTE, BackgroundTask.of("Sample films", context -> {
            ImageLoader loader = new ImageLoader();
            Map<String, List<BufferedImage>> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<LabelledImage>> e : samples.entrySet()) {
                List<BufferedImage> images = new ArrayList<>();
                for (LabelledImage i : e.getValue()) {
                    try {
                        images.add(HeatmapRenderer.grayImage(loader.load(i.file()).pixels(), THUMB));
                    } catch (ImageLoadException ex) {
                        images.add(null); // shown as a gap; the case set may hold a file the loader refuses
                    }
                }
                out.put(e.getKey(), images);
            }
            return out;
        }).onSuccess(this::fill).onFailure(problem -> LOG.warn("Sample films could not be read", problem)));
    }

    private void fill(Map<String, List<BufferedImage>> thumbnails) {
        int row = 0;
        for (Map.Entry<String, List<BufferedImage>> e : thumbnails.entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("section-title");
            name.setMinWidth(130);
            grid.add(name, 0, row);
            int col = 1;
            List<LabelledImage> films = samples.get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                ImageView v = new ImageView(FxImages.of(e.getValue().get(i)));
                v.setFitWidth(THUMB);
                v.setFitHeight(THUMB);
                v.setPreserveRatio(true);
                v.getStyleClass().add("sample-thumbnail");
                Path file = films.get(i).file();
                Tooltip.install(v, new Tooltip(file.getFileName() + " \u2014 double-click to open it in the viewer"));
                v.setOnMouseClicked(click -> {
                    if (click.getClickCount() == 2) {
                        open.accept(file);
                    }
                });
                grid.add(v, col++, row);
            }
            row++;
        }
    }

    int thumbnailCount() {
        return (int) grid.getChildren().stream().filter(n -> n instanceof ImageView).count();
    }

    static Stage open(Window owner, CaseSet set, long seed, BackgroundWork work, Consumer<Path> openFilm) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Data set overview: " + set.name());
        ScrollPane scroll = new ScrollPane(new DataSetOverview(set, seed, work, openFilm));
        scroll.setFitToWidth(true);
        stage.setScene(Styles.scene(scroll, 1100, 760));
        stage.show();
        return stage;
    }
}
