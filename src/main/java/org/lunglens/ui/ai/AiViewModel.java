package org.lunglens.ui.ai;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.InferenceService;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Familiarity;
import org.lunglens.model.ModelLoadException;
import org.lunglens.model.SiteShift;
import org.lunglens.ui.viewer.StudyBrowser;
import org.lunglens.ui.viewer.ViewerModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI tab's state and actions, apart from its controls: which analysis is shown and for which image, the status
 * line, whether the heatmap is drawn, and what runs when the image or the model changes. Testable without a
 * window (properties only; no node). Every model call goes through the app's {@link InferenceService}; a result
 * for an image the viewer has left is dropped. Call on the FX thread.
 */
final class AiViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AiViewModel.class);

    static final String READ_FIRST = "Read first: the AI's reading of this film stays hidden until you record your"
            + " own read (Patient log \u2192 Record read). It is then shown, and a second read you record is kept as"
            + " made after the AI.";

    private final ViewerModel viewer;
    private final AiSettings settings;
    private final InferenceService inference;
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SiteVerdict> siteVerdict = new ReadOnlyObjectWrapper<>(SiteVerdict.NONE);
    /** The verdict on the films the shown model has read, taken together (null before there is one). */
    private SiteShift readVerdict;
    /** Folder verdicts known so far, by model SHA-256 and folder (a null value: judged, too few films). */
    private final Map<String, SiteShift> folderVerdicts = new HashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty overlayShown = new SimpleBooleanProperty(false);
    private final BooleanProperty hidden = new SimpleBooleanProperty(false);
    private Consumer<AiAnalysis> onAnalysis = a -> { };
    private LoadedImage analysedImage;

    AiViewModel(ViewerModel viewer, AiSettings settings, InferenceService inference) {
        this.viewer = viewer;
        this.settings = settings;
        this.inference = inference;
        viewer.imageProperty().addListener((o, old, img) -> imageChanged(img));
        settings.modelFileProperty().addListener((o, old, f) -> {
            // another model, another record: its own verdict comes with its next analysis
            readVerdict = null;
            siteVerdict.set(SiteVerdict.NONE);
            imageChanged(viewer.image());
        });
        hidden.addListener((o, was, now) -> imageChanged(viewer.image()));
    }

    /**
     * Read first: while true nothing of the AI is run or shown for the open image (a result already on its way is
     * dropped); once false, the open image is analysed as if just opened.
     */
    BooleanProperty hiddenProperty() {
        return hidden;
    }

    /** The analysis shown; null while none is (no image, running, failed). */
    ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /**
     * What is known of the shown film's site, taken together, against the model's training films: the films this
     * model has read (here and in earlier runs) and the shown film's folder ({@link SiteVerdict#NONE} before the
     * first analysis, and for a model without a site-shift reference).
     */
    ReadOnlyObjectProperty<SiteVerdict> siteVerdictProperty() {
        return siteVerdict.getReadOnlyProperty();
    }

    /** What the tab is doing or why it shows nothing; empty while an analysis is shown. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    BooleanProperty overlayShownProperty() {
        return overlayShown;
    }

    /** The image the shown analysis belongs to. */
    LoadedImage analysedImage() {
        return analysedImage;
    }

    InferenceService inference() {
        return inference;
    }

    /** Called once per image and model, with what the patient log records of the run. */
    void setOnAnalysis(Consumer<AiAnalysis> listener) {
        onAnalysis = listener;
    }

    /** Loads the chosen model ahead of the first analysis; silent if it is missing. */
    void warmUp() {
        BundledModels.find(settings.modelFileProperty().get()).ifPresent(inference::warmUp);
    }

    /** Runs the chosen model on the open image now. */
    void run() {
        LoadedImage img = viewer.image();
        if (img == null || hidden.get()) {
            return;
        }
        String file = settings.modelFileProperty().get();
        analysis.set(null);
        status.set("Analysing " + img.fileName() + " ...");
        inference.latest("AI: " + img.fileName(), (models, c) -> models.get(BundledModels.require(file))
                .analyse(img.pixels(), -1), a -> {
                    if (viewer.image() == img && !hidden.get()) {
                        analysedImage = img;
                        Path folder = folderOf(img);
                        String key = key(a, folder);
                        SiteVerdict known = new SiteVerdict(readVerdict, folderVerdicts.get(key));
                        siteVerdict.set(known);
                        analysis.set(a);
                        status.set("");
                        // The log never vouches for a reading the tab warns about: the first film of a folder not
                        // judged yet is logged once its folder's verdict is in (a second or so later)
                        AiAnalysis run = record(img, a, known);
                        boolean waits = folder != null && !folderVerdicts.containsKey(key);
                        if (!waits) {
                            onAnalysis.accept(run);
                        }
                        addToSite(a, folder, waits ? run : null);
                    }
                }, this::failed);
    }

    /**
     * After the film is shown: it joins the films read (one more pass), and its folder's films are judged together
     * the first time a film of that folder is shown (up to 128 of them, about a second on the AI thread).
     */
    private void addToSite(Analysis a, Path folder, AiAnalysis unlogged) {
        try {
            inference.submit("AI: site check", (models, c) -> {
                ModelSession session = models.get(a.model().file());
                SiteShift read = session.addToSite(a);
                return new SiteVerdict(read, folder == null ? null : session.folderVerdict(folder, () -> StudyBrowser.imagesIn(folder)));
            }, v -> {
                folderVerdicts.put(key(a, folder), v.folder());
                if (unlogged != null) {
                    onAnalysis.accept(unlogged.withFamiliarity(flagged(a, v)));
                }
                // Only while the tab still shows this model's results (the same model file, as explain() asks)
                Analysis shown = analysis.get();
                if (shown != null && shown.model().sha256().equals(a.model().sha256())) {
                    readVerdict = v.read();
                    siteVerdict.set(new SiteVerdict(readVerdict, folderVerdicts.get(key(shown, folderOf(analysedImage)))));
                }
            }, t -> {
                LOG.warn("site-shift check failed", t);
                logAnyway(unlogged);
            });
        } catch (RejectedExecutionException e) {
            // The AI lane has shut down (the window is closing) after this result arrived: nothing left to count
            LOG.debug("site-shift check skipped: the AI lane is shut", e);
            logAnyway(unlogged);
        }
    }

    /** A result shown is logged even when its folder's verdict never comes, with what was known when shown. */
    private void logAnyway(AiAnalysis unlogged) {
        if (unlogged != null) {
            onAnalysis.accept(unlogged);
        }
    }

    /** Points the heatmap at another class of the shown analysis. */
    void explain(int classIndex) {
        Analysis a = analysis.get();
        LoadedImage img = analysedImage;
        if (a == null || a.heatmap() == null || a.heatmap().classIndex() == classIndex) {
            return;
        }
        status.set("Explaining " + a.prediction().classes().get(classIndex) + " ...");
        inference.latest("Grad-CAM", (models, c) -> {
            ModelSession session = models.get(a.model().file());
            // The file may have been replaced by a newer model since: then analyse afresh with it.
            return session.info().sha256().equals(a.model().sha256()) ? session.explain(a, classIndex)
                    : session.analyse(img.pixels(), classIndex);
        }, r -> {
            if (viewer.image() == img && !hidden.get()) {
                analysis.set(r);
                status.set("");
            }
        }, this::failed);
    }

    /** A new image (or model): the old result goes, and the new one runs if the user asked for that. */
    void imageChanged(LoadedImage img) {
        inference.cancelLatest();
        analysedImage = null;
        analysis.set(null);
        if (img == null) {
            status.set("No image open.");
        } else if (hidden.get()) {
            status.set(READ_FIRST);
        } else if (settings.autoRunProperty().get()) {
            run();
        } else {
            status.set("Press Run to analyse " + img.fileName() + ".");
        }
    }

    private void failed(Throwable t) {
        if (!(t instanceof ModelLoadException)) {
            LOG.error("AI analysis failed", t);
        }
        status.set(t instanceof ModelLoadException ? t.getMessage() : "The analysis failed: " + t);
    }

    /** The film's own check, with the site verdict {@code v} it was read under. */
    private static Familiarity flagged(Analysis a, SiteVerdict v) {
        return a.prediction().familiarity() == null ? null : a.prediction().familiarity().withSiteShift(v.forRecord());
    }

    private AiAnalysis record(LoadedImage img, Analysis a, SiteVerdict known) {
        Map<String, String> gc = new LinkedHashMap<>();
        if (a.heatmap() != null) {
            gc.put("layer", a.heatmap().layer());
            gc.putAll(settings.style().get().describe());
            gc.put("overlayShown", String.valueOf(overlayShown.get()));
            gc.put("empty", String.valueOf(a.heatmap().isEmpty()));
        }
        ModelSession.Info m = a.model();
        return new AiAnalysis(AnalysedFilm.of(img), m.metadata().name(), m.metadata().version(), m.file(), m.sha256(),
                a.prediction().scores(), flagged(a, known),
                a.heatmap() == null ? null : a.heatmap().className(), gc,
                Math.round(a.prediction().millis() + a.gradCamMillis()));
    }

    private static String key(Analysis a, Path folder) {
        return a.model().sha256() + "|" + folder;
    }

    /** The folder a film was opened from; null for one without (a film that came from no file). */
    private static Path folderOf(LoadedImage img) {
        Path source = img == null ? null : img.source();
        return source == null ? null : source.toAbsolutePath().normalize().getParent();
    }
}
