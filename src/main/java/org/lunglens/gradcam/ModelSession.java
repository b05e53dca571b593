package org.lunglens.gradcam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.Calibration;
import org.lunglens.model.Classifier;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelFileNames;
import org.lunglens.model.ModelLoadException;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.Prediction;
import org.lunglens.model.SiteSample;
import org.lunglens.model.SiteSampleStore;
import org.lunglens.model.SiteSampling;
import org.lunglens.model.SiteShift;
import org.lunglens.model.TestReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model ready to classify and explain images. Not thread-safe (a DL4J network is not): confine
 * every session to one thread.
 */
public final class ModelSession {
    /**
     * How long a folder's verdict may hold up the next analysis: the data set's films take about a second for all
     * 128; a folder of full-size DICOM films is judged on the films read by then (or not at all, if under 30).
     */
    private static final Duration FOLDER_BUDGET = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(ModelSession.class);
    /**
     * What the UI and the log need to know about a model, immutable and safe to hand to any thread.
     *
     * @param card        the text of {@code NAME.md} beside the model file, or null when there is none
     * @param gradCamLayer the explained layer, described; null when the model has no convolution
     * @param calibration  how often the model was right at each confidence on its test split; null when
     *                     neither the file nor a matching {@code NAME.test.json} beside it says
     */
    public record Info(Path file, ModelMetadata metadata, String sha256, String card, double loadMillis,
                       String gradCamLayer, Calibration calibration) {
        public String title() {
            return metadata.name() + " " + metadata.version();
        }
    }

    private final Classifier classifier;
    private final HeatmapSource gradCam;
    private final Info info;
    /** The films this session has read, taken together, for the site-shift check (each image once). */
    private final SiteSample site;
    private final Set<Integer> sampled = new HashSet<>();
    /** Each folder's films judged together, once per folder (empty: too few films, or no reference). */
    private final Map<Path, Optional<SiteShift>> folders = new HashMap<>();

    private ModelSession(LoadedModel model, Info info, HeatmapSource gradCam) {
        this.classifier = new Classifier(model);
        this.gradCam = gradCam;
        this.info = info;
        this.site = new SiteSample(model);
        // The films read in earlier runs count too: a verdict needs more films than one day may bring
        SiteSampleStore.load(info.sha256()).ifPresent(saved -> {
            site.restore(saved.totals());
            sampled.addAll(saved.seen());
        });
    }

    /** Loads a model for this thread's inference (and sets ND4J's threads for it: {@link Nd4jSettings#forInference}). */
    public static ModelSession open(Path file) throws ModelLoadException {
        long start = System.nanoTime();
        Nd4jSettings.forInference();
        // Fold once for both users: the classifier and Grad-CAM then share the inference networks (one thread)
        LoadedModel model = ModelFile.load(file).folded();
        HeatmapSource gradCam = !explainable(model) ? null
                : model.isCombined() ? new CombinedGradCam(model) : new GradCam(model);
        String layer = gradCam == null ? null : gradCam.layerDescription();
        try {
            String card = readCard(file, model.metadata().name());
            Info info = new Info(file, model.metadata(), ModelFile.sha256(file), card,
                    (System.nanoTime() - start) / 1e6, layer, readCalibration(file, model.metadata()));
            return new ModelSession(model, info, gradCam);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public Info info() {
        return info;
    }

    /** The classifier itself, for black-box explanations (occlusion, masking); same thread rule as the session. */
    public Classifier classifier() {
        return classifier;
    }

    /** Classifies and explains {@code classIndex}, or the predicted class when it is negative or out of range. */
    public Analysis analyse(PixelData pixels, int classIndex) {
        long start = System.nanoTime();
        float[] input = classifier.preprocessor().toInput(pixels);
        if (gradCam == null) {
            var out = classifier.run(List.of(input));
            Prediction prediction = new Prediction(info.metadata().classes(), out.probabilities()[0],
                    (System.nanoTime() - start) / 1e6, out.familiarity()[0]);
            return new Analysis(info, input, prediction, null, 0);
        }
        // One forward pass serves the prediction and the map; its time counts as the prediction's
        HeatmapSource.Pass pass = gradCam.forward(input);
        float[] probs = pass.probabilities();
        Prediction prediction = new Prediction(info.metadata().classes(), probs, (System.nanoTime() - start) / 1e6,
                pass.familiarity());
        int explained = classIndex >= 0 && classIndex < probs.length ? classIndex : prediction.predictedIndex();
        long mapStart = System.nanoTime();
        Heatmap map = pass.explain(explained);
        return new Analysis(info, input, prediction, map, (System.nanoTime() - mapStart) / 1e6);
    }

    /**
     * Adds an analysed film to the films this model has read, in this run and the runs before (once per image; one
     * more forward pass, run after the analysis is shown; kept by {@link SiteSampleStore}), and says whether they,
     * taken together, are unlike the training films (on the films that pass one at a time: {@link
     * SiteSample#worstOfFilmsThatPass}): null when the model has no site-shift reference.
     */
    public SiteShift addToSite(Analysis analysis) {
        if (!site.measurable()) {
            return null;
        }
        int hash = Arrays.hashCode(analysis.input());
        if (!sampled.contains(hash)) {
            SiteSample film = site.empty();
            classifier.run(List.of(analysis.input()), film);
            // Kept with the films another window of the app may have added meanwhile: the sample becomes the kept one
            SiteSampleStore.Saved kept = SiteSampleStore.add(info.sha256(), film.totals(), hash,
                    new SiteSampleStore.Saved(site.totals(), List.copyOf(sampled)));
            site.restore(kept.totals());
            sampled.clear();
            sampled.addAll(kept.seen());
        }
        return site.worstOfFilmsThatPass();
    }

    /**
     * The films of {@code folder} (its image files, {@code films}) taken together, judged once per folder and kept
     * ({@link SiteSampling}: up to 128 of them, one forward pass each); null when they are too few or the model has
     * no site-shift reference. A radiologist's folder is one site's films: its verdict need not wait for 30 of them
     * to be read.
     */
    public SiteShift folderVerdict(Path folder, Supplier<List<Path>> films) {
        return folders.computeIfAbsent(folder, f -> Optional.ofNullable(SiteSampling.judge(classifier, films.get(),
                FOLDER_BUDGET, (file, image, input) -> { }))).orElse(null);
    }

    /**
     * Runs a blank image through prediction and Grad-CAM once, so that the first real analysis does not
     * also pay for native set-up and JIT compilation (several hundred ms; see docs/BENCHMARKS.md).
     */
    public void warmUp() {
        int size = info.metadata().preprocessing().size();
        analyse(PixelData.gray(size, size, 8, new int[size * size]), -1);
    }

    /** The same analysis with the heatmap of another class. */
    public Analysis explain(Analysis analysis, int classIndex) {
        if (gradCam == null) {
            return analysis;
        }
        long start = System.nanoTime();
        Heatmap map = gradCam.compute(analysis.input(), classIndex);
        return analysis.withHeatmap(map, (System.nanoTime() - start) / 1e6);
    }

    private static boolean explainable(LoadedModel model) {
        return model.networks().stream().allMatch(n -> n.metadata().gradCamLayer() >= 0);
    }

    /**
     * The calibration in the model's own test report, else in {@code NAME.test.json} beside it (models saved
     * before the report had one), but only if that report's confusion matrix is the one in the model file:
     * a stale report of another model must not speak for this one.
     */
    static Calibration readCalibration(Path modelFile, ModelMetadata metadata) {
        Optional<TestReport> stored = metadata.testReport();
        Optional<Calibration> own = stored.flatMap(TestReport::storedCalibration);
        List<String> classes = metadata.classes();
        Optional<Metrics> storedCounts = stored.flatMap(r -> r.counts(classes));
        if (own.isPresent() || storedCounts.isEmpty()) {
            return own.orElse(null);
        }
        Path report = besideModel(modelFile, ".test.json");
        if (!Files.isRegularFile(report)) {
            return null;
        }
        try {
            Optional<TestReport> beside = TestReport.of(ModelFile.json().readValue(report.toFile(), Map.class));
            Optional<Metrics> besideCounts = beside.flatMap(r -> r.counts(classes));
            boolean same = besideCounts.isPresent()
                    && Arrays.deepEquals(storedCounts.get().confusion(), besideCounts.get().confusion());
            return same ? beside.flatMap(TestReport::storedCalibration).orElse(null) : null;
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable test report {}: {}", report, e.getMessage());
            return null;
        }
    }

    private static String readCard(Path modelFile, String name) throws IOException {
        for (Path md : List.of(modelFile.resolveSibling(name + ".md"), besideModel(modelFile, ".md"))) {
            if (Files.isRegularFile(md)) {
                return Files.readString(md);
            }
        }
        return null;
    }

    /** The file beside a model named after it: covid-binary.zip -> covid-binary.md, covid-binary.test.json. */
    private static Path besideModel(Path modelFile, String suffix) {
        return ModelFileNames.sibling(modelFile, suffix);
    }
}
