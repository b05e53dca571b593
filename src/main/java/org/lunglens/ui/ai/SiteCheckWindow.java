package org.lunglens.ui.ai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.InferenceService;
import org.lunglens.app.TaskHandle;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.imaging.FolderWalk;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Classifier;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.SiteCheck;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.viewer.StudyBrowser;

/**
 * "Check a folder against the model": the app's {@code lunglens sitecheck}. A progress bar and Cancel while the
 * model runs over the folder on the AI thread, then the report: films, share flagged unfamiliar, calls, the
 * spread of P(COVID), the least familiar films, and the figures where class sub-folders give labels.
 */
final class SiteCheckWindow extends VBox {
    private final ProgressBar progress = new ProgressBar(-1);
    private final Label status = new Label();
    private final Button cancel = new Button("Cancel");

    private SiteCheckWindow(Path folder, String modelFile) {
        setId("siteCheck");
        setSpacing(10);
        setPadding(new Insets(12));
        Label title = new Label("Check " + folder + " against " + modelFile);
        title.getStyleClass().add("window-heading");
        title.setWrapText(true);
        progress.setId("siteCheckProgress");
        progress.setPrefWidth(400);
        cancel.setId("siteCheckCancel");
        status.setId("siteCheckStatus");
        getChildren().addAll(title, new HBox(10, progress, cancel), status);
    }

    /** Opens the window and starts the check; closing the window cancels it too. */
    static Stage open(Window owner, BackgroundWork work, String modelFile, Path folder) {
        SiteCheckWindow view = new SiteCheckWindow(folder, modelFile);
        InferenceService inference = work.inference();
        BackgroundTask<SiteCheck> task = inference.task("Site check", (models, context) -> {
            context.message("Listing the films in " + folder + " ...");
            List<LabelledImage> films = films(folder);
            context.message("Loading " + modelFile + " ...");
            Classifier classifier = models.get(BundledModels.require(modelFile)).classifier();
            context.message("Decoding and classifying " + films.size() + " films ...");
            return SiteCheck.run(classifier, films, (done, total, msg) -> {
                context.progress(done, total);
                context.message(msg + " " + done + " / " + total);
            }, context::isCancelled);
        }).onProgress((done, total, message) -> {
            view.progress.setProgress(done < 0 ? ProgressBar.INDETERMINATE_PROGRESS : done / total);
            view.status.setText(message);
        }).onSuccess(check -> view.show(check, modelFile))
                .onFailure(problem -> view.done("The check failed: " + problem.getMessage()));
        TaskHandle handle = inference.submit(task);
        view.cancel.setOnAction(e -> {
            handle.cancel();
            view.done("Cancelled.");
        });
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("LungLens \u2014 check a folder against the model");
        stage.setScene(Styles.scene(view, 900, 760));
        stage.setOnHidden(e -> handle.cancel());
        stage.show();
        return stage;
    }

    /** Every image file under the folder; a film's label is its sub-folder's name (none at the top). */
    static List<LabelledImage> films(Path folder) throws java.io.IOException {
        List<Path> files = FolderWalk.files(folder, StudyBrowser::looksLikeImage);
        if (files.isEmpty()) {
            throw new java.io.IOException("no image files in " + folder);
        }
        return SiteCheck.labelled(folder, files);
    }

    private void done(String text) {
        status.textProperty().unbind();
        status.setText(text);
        progress.progressProperty().unbind();
        progress.setProgress(0);
        cancel.setDisable(true);
    }

    private void show(SiteCheck c, String modelFile) {
        done("");
        getChildren().removeIf(n -> n instanceof HBox);
        List<String> lines = new ArrayList<>(c.summaryLines());
        if (c.evaluation() != null && c.evaluation().truth().length > 0) {
            Metrics m = c.evaluation().metrics();
            lines.add(String.format(Locale.ROOT, "with the class folders as labels (%d films): accuracy %.3f (95%% CI %s)",
                    m.n(), m.accuracy(), m.accuracyInterval().format()));
            if (c.evaluation().metadata().isBinary()) {
                int pos = c.evaluation().metadata().classes().indexOf(ModelMetadata.COVID);
                lines.add(String.format(Locale.ROOT, "sensitivity %.3f (%s), specificity %.3f (%s)", m.recall(pos),
                        m.recallInterval(pos).format(), m.recall(1 - pos), m.recallInterval(1 - pos).format()));
            }
        }
        Label summary = new Label(String.join("\n", lines));
        summary.setId("siteCheckSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("site-check-summary");
        CategoryAxis x = new CategoryAxis();
        x.setLabel("P(COVID)");
        NumberAxis y = new NumberAxis();
        y.setLabel("films");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (int b = 0; b < c.covidHistogram().length; b++) {
            bars.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%.1f", b / 10.0), c.covidHistogram()[b]));
        }
        chart.getData().add(bars);
        ListView<String> worst = new ListView<>();
        worst.setId("siteCheckLeastFamiliar");
        worst.setPrefHeight(200);
        c.leastFamiliar().forEach(f -> worst.getItems().add(String.format(Locale.ROOT, "%8.2f   %-10s P(COVID) %.2f   %s",
                Math.min(f.unfamiliarity(), 999), f.predicted(), f.covidProbability(), f.file())));
        Label note = new Label("Least familiar films first (unfamiliarity; above 1 is flagged). The same report on the "
                + "command line: lunglens sitecheck DIR --model " + modelFile + ". " + HeatmapRenderer.DISCLAIMER);
        note.setWrapText(true);
        if (c.siteShift() != null && c.siteShift().shifted()) {
            // The one finding that changes what the department should do next: said first, in a warning's colours
            WarningBox shift = new WarningBox("siteShiftWarning");
            shift.say("These films, taken together, are unlike " + c.siteShift().comparedWith() + ": its "
                    + "test figures (or its adaptation) do not carry over to them, however familiar each film looks. "
                    + "Check it on labelled films of yours, or adapt it to them, before anyone relies on it "
                    + "(docs/SITE.md).");
            getChildren().add(shift);
        }
        getChildren().addAll(summary, chart, new Label("Least familiar films"), worst, note);
    }
}
