package org.lunglens.ui.ai;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.Captions;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.model.BundledModels;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.viewer.ImageViewer;

/** The AI tab's extra views: model card, side-by-side image | heatmap | overlay, and PNG export of the view. */
public final class AiViews {
    private final AiPane pane;
    private final ImageViewer viewer;
    private final BackgroundWork work;
    private final AiSettings settings;
    private SideBySideWindow sideBySide;

    AiViews(AiPane pane, ImageViewer viewer, BackgroundWork work, AiSettings settings) {
        this.pane = pane;
        this.viewer = viewer;
        this.work = work;
        this.settings = settings;
    }

    FlowPane buttons() {
        Button card = new Button("Model card");
        card.setId("modelCardButton");
        card.setOnAction(e -> openCard());
        Button side = new Button("Side by side");
        side.setId("sideBySideButton");
        side.setOnAction(e -> openSideBySide());
        Button export = new Button("Export view as PNG");
        export.setId("exportButton");
        export.setOnAction(e -> chooseExport());
        side.disableProperty().bind(pane.analysisProperty().isNull());
        export.disableProperty().bind(pane.analysisProperty().isNull());
        Button check = new Button("Check a folder against the model ...");
        check.setId("siteCheckButton");
        check.setOnAction(e -> chooseSiteCheck());
        FlowPane row = new FlowPane(6, 6, card, side, export, check);
        return row;
    }

    /** A folder of this site's films, checked against the chosen model (see {@link SiteCheckWindow}). */
    void chooseSiteCheck() {
        java.io.File dir = new javafx.stage.DirectoryChooser().showDialog(viewer.getScene().getWindow());
        if (dir != null) {
            checkFolder(dir.toPath());
        }
    }

    public javafx.stage.Stage checkFolder(java.nio.file.Path dir) {
        return SiteCheckWindow.open(viewer.getScene().getWindow(), work, settings.modelFileProperty().get(), dir);
    }

    /** The card of the chosen model: from the shown analysis, else loaded on the AI thread. */
    void openCard() {
        Analysis a = pane.analysisProperty().get();
        String file = settings.modelFileProperty().get();
        if (a != null && a.model().file().getFileName().toString().equals(file)) {
            ModelCardView.open(a.model(), viewer.getScene().getWindow());
            return;
        }
        work.inference().submit("Reading model card", (models, c) -> models.get(BundledModels.require(file)).info(),
                info -> ModelCardView.open(info, viewer.getScene().getWindow()),
                problem -> ModelCardView.openError(problem.getMessage(), viewer.getScene().getWindow()));
    }

    void openSideBySide() {
        if (sideBySide == null) {
            sideBySide = new SideBySideWindow(viewer.getScene().getWindow());
        }
        sideBySide.show();
        refresh();
    }

    /** Redraws the side-by-side window when it is open. */
    void refresh() {
        if (sideBySide != null && sideBySide.isShowing()) {
            sideBySide.update(viewer.imageView().getImage(), pane.analysisProperty().get(), settings.style().get());
        }
    }

    SideBySideWindow sideBySide() {
        return sideBySide;
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        if (pane.analysedImage() != null) {
            chooser.setInitialFileName(pane.analysedImage().fileName().replaceFirst("\\.[^.]*$", "") + "-ai.png");
        }
        File f = chooser.showSaveDialog(viewer.getScene().getWindow());
        if (f != null) {
            export(f.toPath());
        }
    }

    /** Snapshot of the viewer as shown (zoom, rotation, overlay) with a caption, written in the background. */
    CompletableFuture<Path> export(Path file) {
        Analysis a = pane.analysisProperty().get();
        OverlayStyle style = settings.style().get();
        boolean heat = pane.overlayShownProperty().get() && a != null && a.heatmap() != null;
        BufferedImage view = SwingFXUtils.fromFXImage(viewer.snapshot(null, null), null);
        List<String> lines = new ArrayList<>();
        if (a != null) {
            lines.addAll(Captions.lines(pane.analysedImage().fileName(), a, heat));
        }
        lines.add(describeView());
        CompletableFuture<Path> written = new CompletableFuture<>();
        work.execute(TaskExecutor.Lane.COMPUTE, BackgroundTask.of("Exporting " + file.getFileName(), context -> {
            BufferedImage out = HeatmapRenderer.withCaption(view, lines, heat ? a.heatmap() : null, style);
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new IOException("No PNG writer available");
            }
            return file;
        }).onSuccess(written::complete).onFailure(problem -> {
            ModelCardView.openError("Could not export " + file + ": " + problem.getMessage(),
                    viewer.getScene().getWindow());
            written.completeExceptionally(problem);
        }));
        return written;
    }

    private String describeView() {
        ViewTransform t = viewer.transformProperty().get();
        DisplaySettings s = pane.settingsOfViewer();
        if (t == null) {
            return "";
        }
        return String.format(Locale.ROOT, "View: zoom %.0f %%, rotation %d\u00b0%s%s%s", 100 * t.scale(), t.rotation(),
                t.flipHorizontal() ? ", flipped left-right" : "", t.flipVertical() ? ", flipped top-bottom" : "",
                s.invert() ? ", inverted" : "");
    }
}
