package org.lunglens.ui.teaching;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.explain.Explanation;
import org.lunglens.explain.HeatCheck;
import org.lunglens.explain.WhatIf;
import org.lunglens.explain.Occlusion;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.model.BundledModels;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.FitImage;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.common.Styles;

/**
 * Grad-CAM and occlusion sensitivity of one film side by side, with where each one's heat lies, and the "what
 * if" tool: drag a rectangle on either image, the region is masked (filled with the input's mean) and the model
 * runs again; the change of every class's probability and the masked input are shown.
 */
final class ExplainContent extends BorderPane {
    private final Explanation x;
    private final BackgroundWork work;
    private final FitImage gradCam = new FitImage();
    private final FitImage occlusion = new FitImage();
    private final Label whatIf = new Label("What if: drag a rectangle over either image to hide that region from "
            + "the model and run it again.");
    private final ImageView masked = new ImageView();
    private double[] start;

    ExplainContent(String title, Explanation x, BackgroundWork work) {
        this.x = x;
        this.work = work;
        setId("explainContent");
        setPadding(new Insets(12));
        gradCam.setImage(FxImages.of(x.gradCamView()));
        occlusion.setImage(FxImages.of(x.occlusionView()));
        var a = x.analysis();
        Label head = new Label(title + "  \u2014  " + org.lunglens.gradcam.Captions.lines("", a, false).get(1));
        head.getStyleClass().add("window-heading");
        head.setWrapText(true);
        javafx.scene.layout.GridPane maps = new javafx.scene.layout.GridPane();
        maps.setHgap(14);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            maps.getColumnConstraints().add(half);
        }
        javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        maps.getRowConstraints().add(row);
        maps.addRow(0, column("Grad-CAM (" + (a.heatmap() == null ? "none" : a.heatmap().className()) + ")",
                gradCam, x.gradCamCheck()), column("Occlusion sensitivity (" + x.occlusion().map().className() + ")",
                occlusion, x.occlusionCheck()));
        whatIf.setId("whatIfResult");
        whatIf.setWrapText(true);
        whatIf.setMinHeight(Region.USE_PREF_SIZE);
        whatIf.getStyleClass().add("monospace");
        masked.setFitWidth(128);
        masked.setFitHeight(128);
        Button clear = new Button("Clear region");
        clear.setOnAction(e -> clearRegion());
        Label occInfo = new Label(String.format(Locale.ROOT, "O%s; %d passes in %.0f ms; %s. %s",
                x.occlusion().map().layer().substring(1), x.occlusion().passes(), x.occlusion().millis(),
                Occlusion.describeFall(x.occlusion().map()), HeatmapRenderer.DISCLAIMER));
        occInfo.setWrapText(true);
        VBox bottom = new VBox(8, occInfo, new HBox(12, masked, new VBox(8, whatIf, clear)));
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setTop(head);
        setCenter(maps);
        setBottom(bottom);
        for (FitImage f : new FitImage[] {gradCam, occlusion}) {
            f.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> start = f.toImage(e.getX(), e.getY()));
            f.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mark(f.toImage(e.getX(), e.getY())));
            f.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> finish(f.toImage(e.getX(), e.getY())));
        }
    }

    private static VBox column(String title, FitImage image, HeatCheck check) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Label c = new Label(check.summary() + (check.warns() ? "\n\u26a0 " + String.join("\n\u26a0 ", check.warnings())
                : ""));
        c.setWrapText(true);
        c.setMinHeight(Region.USE_PREF_SIZE);
        if (check.warns()) {
            c.getStyleClass().add("explain-warning");
        }
        VBox box = new VBox(6, t, image, c);
        VBox.setVgrow(image, Priority.ALWAYS);
        return box;
    }

    private double[] rect(double[] end) {
        return new double[] {Math.min(start[0], end[0]), Math.min(start[1], end[1]), Math.max(start[0], end[0]),
            Math.max(start[1], end[1])};
    }

    private void mark(double[] end) {
        if (start != null) {
            double[] r = clip(rect(end));
            gradCam.mark(r);
            occlusion.mark(r);
        }
    }

    private static double[] clip(double[] r) {
        double[] c = new double[4];
        for (int i = 0; i < 4; i++) {
            c[i] = Math.max(0, Math.min(1, r[i]));
        }
        return c;
    }

    private void finish(double[] end) {
        if (start == null) {
            return;
        }
        double[] r = clip(rect(end));
        start = null;
        if (r[2] - r[0] < 0.01 || r[3] - r[1] < 0.01) {
            clearRegion();
            return;
        }
        gradCam.mark(r);
        occlusion.mark(r);
        runWhatIf(new WhatIf.Region(r[0], r[1], r[2], r[3]));
    }

    /** Masks {@code region} and re-runs the model on the AI thread. */
    void runWhatIf(WhatIf.Region region) {
        whatIf.setText("Running the model without the marked region ...");
        work.inference().submit("What if", (models, c) -> new WhatIf(models.get(x.analysis().model().file())
                .classifier()).mask(x.analysis().input(), region), this::showWhatIf,
                problem -> whatIf.setText("The model could not be run: " + problem.getMessage()));
    }

    private void showWhatIf(WhatIf.Result r) {
        StringBuilder s = new StringBuilder("With the region hidden:");
        for (int c = 0; c < r.classes().size(); c++) {
            s.append(String.format(Locale.ROOT, "%n  %s  %.1f %% \u2192 %.1f %%  (%+.1f points)", r.classes().get(c),
                    100 * r.before()[c], 100 * r.after()[c], r.changePoints(c)));
        }
        whatIf.setText(s.toString());
        masked.setImage(FxImages.ofInput(r.maskedInput(), x.analysis().inputSize()));
    }

    private void clearRegion() {
        gradCam.mark(null);
        occlusion.mark(null);
        masked.setImage(null);
    }

    String whatIfText() {
        return whatIf.getText();
    }

    /** Opens the explanation in its own window. */
    static Stage open(Window owner, String title, Explanation x, BackgroundWork work) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Explain: " + title + " \u2014 not for clinical use");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(Styles.scene(new ExplainContent(title, x, work), Math.min(1400, screen.getWidth()),
                Math.min(940, screen.getHeight())));
        stage.show();
        return stage;
    }

    /** Explains a film on the AI thread, then hands the result over on the FX thread. */
    static void explain(BackgroundWork work, String modelFile, org.lunglens.imaging.PixelData pixels,
                        BiConsumer<Explanation, Throwable> done) {
        work.inference().submit("Explaining", (models, c) -> Explanation.of(models.get(BundledModels.require(modelFile)),
                pixels, org.lunglens.gradcam.OverlayStyle.DEFAULT, 512), x -> done.accept(x, null),
                problem -> done.accept(null, problem));
    }
}
