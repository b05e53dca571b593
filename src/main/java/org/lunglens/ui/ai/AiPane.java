package org.lunglens.ui.ai;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.lunglens.app.InferenceService;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.BundledModels;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.viewer.ImageViewer;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * The "AI" tab: runs the chosen bundled model on the open image (on open or on demand), shows every
 * class's probability, what the model saw, and its Grad-CAM over the image. All model work runs on the
 * AI thread; opening another image cancels the previous image's work and drops its result.
 */
public final class AiPane extends VBox {
    private static final Map<String, String> MODEL_LABELS = Map.of(
            BundledModels.TWO_RESOLUTIONS, "Binary: two resolutions, for other hospitals (default)",
            BundledModels.EQUALIZED, "Binary: trained for other hospitals, one network",
            BundledModels.COMBINED, "Binary: two networks combined",
            BundledModels.BINARY, "Binary: one network",
            BundledModels.MULTICLASS, "Multi-class: COVID / Normal / Viral");

    private final ViewerModel model;
    private final ImageViewer viewer;
    private final BackgroundWork work;
    private final AiSettings settings;
    private final AiViewModel state;
    private final HeatmapOverlay overlay = new HeatmapOverlay();
    private final Label status = new Label();
    private final Label modelLabel = new Label();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final ImageView inputView = new ImageView();
    private final Label inputCaption = new Label();
    private final GradCamPanel gradCam;
    private final Button run = new Button("Run");
    private final UnfamiliarWarning unfamiliar = new UnfamiliarWarning();
    private final SiteShiftWarning siteShift = new SiteShiftWarning();
    private final AiViews views;

    public AiPane(ViewerModel model, ImageViewer viewer, BackgroundWork work, AiSettings settings) {
        this.model = model;
        this.viewer = viewer;
        this.work = work;
        this.settings = settings;
        this.state = new AiViewModel(model, settings, work.inference());
        this.gradCam = new GradCamPanel(settings, state.overlayShownProperty(), state::explain);
        this.views = new AiViews(this, viewer, work, settings);
        setId("aiPane");
        setSpacing(8);
        setPadding(new Insets(8));
        viewer.addImageOverlay(overlay);
        overlay.visibleProperty().bind(state.overlayShownProperty());
        status.setId("aiStatus");
        status.setWrapText(true);
        modelLabel.setId("aiModelLabel");
        modelLabel.setWrapText(true);
        modelLabel.getStyleClass().add("emphasis");
        inputView.setId("modelInputView");
        inputView.setFitWidth(128);
        inputView.setFitHeight(128);
        inputView.setSmooth(false);
        inputCaption.setWrapText(true);
        inputCaption.getStyleClass().add("caption");
        Label disclaimer = new Label(HeatmapRenderer.DISCLAIMER);
        disclaimer.setWrapText(true);
        disclaimer.getStyleClass().add("disclaimer");
        // Measured, not assumed: the bundled models call two thirds of tuberculosis films COVID (docs/MODELS.md)
        Label scope = new Label("The model knows only its classes: a film of another disease (tuberculosis, say) "
                + "still gets one of them, often COVID.");
        scope.setId("aiScope");
        scope.setWrapText(true);
        scope.getStyleClass().add("warning-text");
        getChildren().addAll(modelRow(), siteShift, unfamiliar, status, modelLabel, bars, new Label("What the model saw"),
                new HBox(8, inputView, inputCaption), gradCam, views.buttons(), disclaimer, scope);
        settings.style().addListener((o, old, s) -> drawOverlay());
        state.statusProperty().addListener((o, old, text) -> setStatus(text));
        state.analysisProperty().addListener((o, old, a) -> showAnalysis(a));
        state.siteVerdictProperty().addListener((o, old, verdict) -> {
            siteShift.show(verdict);
            showAnalysis(state.analysisProperty().get());
        });
        state.imageChanged(model.image());
        setStatus(state.statusProperty().get());
    }

    private VBox modelRow() {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.setId("modelChoice");
        choice.getItems().addAll(settings.modelFiles());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String file) {
                return MODEL_LABELS.getOrDefault(file, "Your model: " + file);
            }

            @Override
            public String fromString(String label) {
                return MODEL_LABELS.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
                        .findFirst().orElse(label.startsWith("Your model: ") ? label.substring(12) : BundledModels.BINARY);
            }
        });
        choice.valueProperty().bindBidirectional(settings.modelFileProperty());
        CheckBox auto = new CheckBox("Run when an image opens");
        auto.setId("autoRunBox");
        auto.selectedProperty().bindBidirectional(settings.autoRunProperty());
        run.setId("runButton");
        run.setOnAction(e -> state.run());
        run.disableProperty().bind(model.imageProperty().isNull().or(state.hiddenProperty()));
        Label label = new Label("Model");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, choice);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, row, new HBox(12, run, auto));
    }

    /** Where analyses go once shown (the patient log); replaces the previous listener. */
    public void setOnAnalysis(Consumer<AiAnalysis> listener) {
        state.setOnAnalysis(listener == null ? a -> { } : listener);
    }

    /** The analysis shown, null while none is. */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return state.analysisProperty();
    }

    /** Read first: while true the AI's reading of the open image is neither run nor shown. */
    public BooleanProperty hiddenProperty() {
        return state.hiddenProperty();
    }

    /** Whether the heatmap is drawn over the image (key G). */
    public BooleanProperty overlayShownProperty() {
        return state.overlayShownProperty();
    }

    public void toggleOverlay() {
        state.overlayShownProperty().set(!state.overlayShownProperty().get());
    }

    /** Loads the chosen model in the background now, so that the first analysis is quick; silent if it is missing. */
    public void warmUp() {
        state.warmUp();
    }

    /** Runs the chosen model on the open image now. */
    public void run() {
        state.run();
    }

    private void setStatus(String text) {
        status.setText(text);
        status.setVisible(!text.isEmpty());
        status.setManaged(!text.isEmpty());
    }

    private void showAnalysis(Analysis a) {
        unfamiliar.show(a == null ? null : a.prediction());
        // The test record speaks for films like the test films: not where the films read here, together, are not
        boolean shifted = state.siteVerdictProperty().get().shifted();
        bars.show(a == null ? null : a.prediction(), a == null || shifted ? null : a.model().calibration());
        if (a == null) {
            modelLabel.setText("");
            inputView.setImage(null);
            inputCaption.setText("");
            gradCam.clear();
            overlay.show(null, 0, 0, settings.style().get());
            views.refresh();
            return;
        }
        modelLabel.setText(String.format(Locale.ROOT, "%s \u2014 %s: prediction %.0f ms, Grad-CAM %.0f ms",
                a.model().title(), a.prediction().predictedClass(), a.prediction().millis(), a.gradCamMillis()));
        inputView.setImage(FxImages.ofInput(a.input(), a.inputSize()));
        inputCaption.setText(a.model().metadata().preprocessing().describe());
        gradCam.setClasses(a.prediction().classes(), a.heatmap() == null ? a.prediction().predictedIndex()
                : a.heatmap().classIndex());
        gradCam.show(a.heatmap(), a.model().gradCamLayer());
        drawOverlay();
    }

    private void drawOverlay() {
        Analysis a = state.analysisProperty().get();
        LoadedImage image = state.analysedImage();
        if (a == null || image == null) {
            overlay.show(null, 0, 0, settings.style().get());
        } else {
            overlay.show(a.heatmap(), image.pixels().width(), image.pixels().height(), settings.style().get());
        }
        views.refresh();
    }

    /** The image the shown analysis belongs to. */
    LoadedImage analysedImage() {
        return state.analysedImage();
    }

    org.lunglens.imaging.DisplaySettings settingsOfViewer() {
        return model.settings();
    }

    public AiViews views() {
        return views;
    }

    HeatmapOverlay overlay() {
        return overlay;
    }

    public AiSettings settings() {
        return settings;
    }

    InferenceService inference() {
        return state.inference();
    }

    ImageView inputView() {
        return inputView;
    }

    /** Writes the viewer as shown, with the overlay, prediction and disclaimer, as a PNG. */
    /** Writes the view with its caption as a PNG; completes on the FX thread once written. */
    public CompletableFuture<Path> exportView(Path file) {
        return views.export(file);
    }
}
