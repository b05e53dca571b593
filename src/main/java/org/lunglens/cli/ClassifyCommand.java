package org.lunglens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.lunglens.explain.Occlusion;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ColorMap;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.BundledModels;
import org.lunglens.model.ClassScores;
import org.lunglens.model.Classifier;
import org.lunglens.model.Familiarity;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.Prediction;
import org.lunglens.model.Preprocessor;
import org.lunglens.model.SiteShift;
import org.lunglens.model.SiteShiftReference;
import org.lunglens.patientlog.CsvExport;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.patientlog.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lunglens classify}: one line per image with the predicted class and every class's probability;
 * with {@code --gradcam DIR} also one Grad-CAM overlay PNG per image, and the time per image; with
 * {@code --occlusion DIR} one PNG per image of its occlusion map beside its Grad-CAM.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify images (directories are walked recursively). Teaching and research only; "
                + "not for clinical diagnosis.")
final class ClassifyCommand implements Callable<Integer> {
    /** Images decoded in parallel per chunk, then run through the network in batches of this size. */
    private static final int CHUNK = 256;
    private static final int BATCH = 64;

    @Option(names = "--model", description = "model file (default: the app's default, the first bundled one of " + BundledModels.TWO_RESOLUTIONS + ", " + BundledModels.EQUALIZED + ", " + BundledModels.COMBINED + ", " + BundledModels.BINARY + ")")
    Path model;

    @Option(names = "--csv", description = "also write the results as CSV")
    Path csv;

    @Option(names = "--gradcam", paramLabel = "DIR",
            description = "also write a Grad-CAM overlay PNG per image into DIR (images are then run one at a time, "
                    + "as the app does, and the time per image is printed to stderr)")
    Path gradCamDir;

    @Option(names = "--occlusion", paramLabel = "DIR",
            description = "also write, per image, its occlusion-sensitivity map beside its Grad-CAM as a PNG into DIR "
                    + "(with a warning when the heat lies outside the chest or on the film's border and markers)")
    Path occlusionDir;

    @Option(names = "--patch", paramLabel = "PX", description = "occlusion patch side in model-input pixels "
            + "(default: 1/8 of the input side)")
    Integer patch;

    @Option(names = "--stride", paramLabel = "PX", description = "occlusion step in model-input pixels "
            + "(default: half the patch)")
    Integer stride;

    @Option(names = "--explain", paramLabel = "CLASS",
            description = "class the Grad-CAM explains (default: each image's predicted class)")
    String explain;

    @Option(names = "--colormap", description = "INFERNO or VIRIDIS (default: ${DEFAULT-VALUE})")
    ColorMap colorMap = OverlayStyle.DEFAULT.colorMap();

    @Option(names = "--opacity", description = "heatmap opacity 0..1 (default: ${DEFAULT-VALUE})")
    double opacity = OverlayStyle.DEFAULT.opacity();

    @Option(names = "--threshold", description = "heat below this share of the maximum is not drawn, 0..1 "
            + "(default: ${DEFAULT-VALUE})")
    double threshold = OverlayStyle.DEFAULT.threshold();

    @Option(names = "--log", description = "also record each result in the patient log (image by SHA-256, model "
            + "name and SHA-256, probabilities, predicted class, time, OS user)")
    boolean log;

    @Option(names = "--db", paramLabel = "FILE", description = "patient log file for --log (default: the app's "
            + "preference, else $XDG_DATA_HOME/lunglens/lunglens.db)")
    Path db;

    @Option(names = "--force", description = "replace an existing --csv file or export PNG even if LungLens did not "
            + "write it (inputs, the model and the patient log are never replaced)")
    boolean force;

    @Option(names = "--site-shift", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "judge each folder's films together, as one site's (folders of 30 films or more; smaller "
                    + "ones together; on by default): where, taken together, they are unlike the model's training "
                    + "films, each of their films is marked unfamiliar. --no-site-shift: each film by its own check only")
    boolean siteShift = true;

    @ParentCommand
    LungLensCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "images or folders of images")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        // The app's default too: the same film gets the same answer from both
        Path modelFile = model != null ? model : BundledModels.defaultModel();
        List<Path> files = ImageFiles.expand(inputs);
        if (gradCamDir != null && occlusionDir != null) {
            throw new IOException("use --gradcam or --occlusion, not both (the occlusion PNG shows the Grad-CAM too)");
        }
        OutputGuard guard = checkOutputs(files, modelFile);
        if (gradCamDir != null || occlusionDir != null) {
            return withGradCam(modelFile, files, guard);
        }
        Nd4jSettings.forBatchInference();
        Classifier classifier = new Classifier(ModelFile.load(modelFile));
        List<String> classes = classifier.model().metadata().classes();
        int failures = 0;
        RunSiteVerdict sites = siteVerdict(classifier, files, true);
        try (BatchLog batchLog = log ? BatchLog.open(logFile(), classifier.model().metadata().name(), modelFile)
                : null;
             PrintWriter csvOut = csv == null ? null : new PrintWriter(PrivateFiles.newWriter(csv))) {
            if (csvOut != null) {
                csvOut.println(header(classes));
            }
            for (int from = 0; from < files.size(); from += CHUNK) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
                List<Object> decoded = decode(chunk, classifier.preprocessor(), sites);
                List<float[]> ok = new ArrayList<>();
                for (Object o : decoded) {
                    if (o instanceof DecodedFilm d) {
                        ok.add(d.input());
                    }
                }
                long start = System.nanoTime();
                Classifier.Output out = predict(classifier, ok);
                float[][] probs = out.probabilities();
                long millisPerImage = ok.isEmpty() ? 0 : (System.nanoTime() - start) / 1_000_000 / ok.size();
                int k = 0;
                for (int i = 0; i < chunk.size(); i++) {
                    if (decoded.get(i) instanceof String error) {
                        System.err.println("lunglens: " + error);
                        failures++;
                        continue;
                    }
                    SiteShift shift = sites.of(chunk.get(i));
                    Familiarity familiarity = out.familiarity()[k] == null ? null
                            : out.familiarity()[k].withSiteShift(shift);
                    float[] p = probs[k++];
                    // Logged first: a run killed between the two never leaves a printed but unlogged result.
                    if (batchLog != null) {
                        DecodedFilm d = (DecodedFilm) decoded.get(i);
                        batchLog.record(chunk.get(i), d.format(), d.acquiredOn(), new ClassScores(classes, p),
                                familiarity, millisPerImage);
                    }
                    String line = format(chunk.get(i), classes, p, familiarity, shift);
                    System.out.println(line);
                    if (csvOut != null) {
                        csvOut.println(line);
                    }
                }
            }
            if (batchLog != null) {
                System.err.println("lunglens: " + batchLog.summary());
            }
        }
        if (files.isEmpty()) {
            System.err.println("lunglens: no image files found in " + inputs);
            return 1;
        }
        reportSiteVerdicts(sites);
        return failures == 0 ? 0 : 1;
    }

    /**
     * The run's folders judged before the first row. A radiologist's folder is one site's films: where they are
     * shifted, each film's reading is as unreliable as an unfamiliar film's, though no single film shows it
     * (docs/MODELS.md), so each of its rows says so, as the AI tab does from the 30th film.
     */
    private RunSiteVerdict siteVerdict(Classifier classifier, List<Path> files, boolean keepReads) {
        return siteShift ? RunSiteVerdict.judge(classifier, files, keepReads) : RunSiteVerdict.none();
    }

    private static void reportSiteVerdicts(RunSiteVerdict sites) {
        List<RunSiteVerdict.Group> groups = sites.groups();
        for (RunSiteVerdict.Group g : groups) {
            System.err.println("lunglens: " + (groups.size() > 1 ? g.name() + ": " : "") + g.shift().describe()
                    + (g.shift().shifted() ? "; each of its films is marked unfamiliar (--no-site-shift: each film "
                    + "by its own check)" : ""));
        }
        if (sites.unjudged() > 0) {
            // Said, because the per-film check alone does not see most other hospitals' films (docs/MODELS.md)
            System.err.println("lunglens: " + sites.unjudged() + " film(s) not judged as a site (too few in their "
                    + "folder, or in the small folders together: it takes " + SiteShiftReference.MIN_FILMS + "): their "
                    + "rows rest on each film's own check, which passes most of another hospital's films; "
                    + SiteShiftReference.MIN_FILMS + " or more films of one site are judged together");
        }
    }

    /** Refuses, before anything is written, an output that would replace an input, the model or the log. */
    private OutputGuard checkOutputs(List<Path> files, Path modelFile) throws UnsafeOutputException {
        Path logFile = logFile();
        OutputGuard guard = new OutputGuard(force).protect(files).protect(List.of(modelFile))
                .protectLog(log || logFile != null ? LogSettings.forUser().resolve(logFile) : null);
        if (csv != null) {
            guard.checkFile("--csv", csv, "path,");
        }
        if (gradCamDir != null) {
            guard.checkFolder("--gradcam", gradCamDir);
        }
        if (occlusionDir != null) {
            guard.checkFolder("--occlusion", occlusionDir);
        }
        return guard;
    }

    /** --db, else the top-level --db; null lets the log settings choose. */
    private Path logFile() {
        return db != null ? db : parent == null ? null : parent.db;
    }

    private Integer withGradCam(Path modelFile, List<Path> files, OutputGuard guard) throws Exception {
        ModelSession session = ModelSession.open(modelFile);
        List<String> classes = session.info().metadata().classes();
        // Each film is loaded whole here (its overlay is drawn on it): the verdict's inputs would go unused
        RunSiteVerdict sites = siteVerdict(session.classifier(), files, false);
        int classIndex = explain == null ? -1 : classes.indexOf(explain);
        if (explain != null && classIndex < 0) {
            throw new IOException("--explain " + explain + ": the model's classes are " + classes);
        }
        OverlayStyle style = new OverlayStyle(colorMap, opacity, threshold);
        GradCamExport gradCams = gradCamDir == null ? null : new GradCamExport(session,
                new ExportFolder(gradCamDir, "gradcam", guard), style, classIndex);
        OcclusionExport occlusions = occlusionDir == null ? null
                : new OcclusionExport(session,
                new ExportFolder(occlusionDir, "occlusion", guard), style, classIndex, occlusionSettings(session));
        int failures = 0;
        ImageLoader loader = new ImageLoader();
        try (BatchLog batchLog = log ? BatchLog.open(logFile(), session.info().metadata().name(), modelFile) : null;
             PrintWriter csvOut = csv == null ? null : new PrintWriter(PrivateFiles.newWriter(csv))) {
            if (csvOut != null) {
                csvOut.println(header(classes));
            }
            for (Path file : files) {
                try {
                    long start = System.nanoTime();
                    LoadedImage image = loader.load(file);
                    Prediction prediction = gradCams != null ? gradCams.process(image) : occlusions.process(image);
                    float[] probs = prediction.probabilities();
                    SiteShift shift = sites.of(file);
                    Familiarity familiarity = prediction.familiarity() == null ? null
                            : prediction.familiarity().withSiteShift(shift);
                    if (batchLog != null) {
                        batchLog.record(file, image.format(), image.acquisitionDate().orElse(null), new ClassScores(classes, probs),
                                familiarity, (System.nanoTime() - start) / 1_000_000);
                    }
                    String line = format(file, classes, probs, familiarity, shift);
                    System.out.println(line);
                    if (csvOut != null) {
                        csvOut.println(line);
                    }
                } catch (ImageLoadException e) {
                    System.err.println("lunglens: " + e.getMessage());
                    failures++;
                }
            }
            if (batchLog != null) {
                System.err.println("lunglens: " + batchLog.summary());
            }
        }
        if (files.isEmpty()) {
            System.err.println("lunglens: no image files found in " + inputs);
            return 1;
        }
        reportSiteVerdicts(sites);
        System.err.println("lunglens: " + (gradCams != null ? gradCams.timing() : occlusions.timing()));
        return failures == 0 ? 0 : 1;
    }

    private Occlusion.Settings occlusionSettings(ModelSession session) {
        Occlusion.Settings d = Occlusion.Settings.forInput(session.info().metadata().preprocessing().size());
        int p = patch == null ? d.patch() : patch;
        return new Occlusion.Settings(p, stride == null ? (patch == null ? d.stride() : Math.max(1, p / 2)) : stride,
                d.batch());
    }

    /**
     * Per file, the {@link DecodedFilm} input or the error message; decoding runs on all cores, as many large films at
     * once as the loader's memory pool allows. One file's failure never ends the batch.
     */
    private static List<Object> decode(List<Path> files, Preprocessor preprocessor, RunSiteVerdict sites) {
        ImageLoader loader = new ImageLoader();
        return files.parallelStream().map(f -> {
            DecodedFilm read = sites.take(f); // read already for its folder's verdict
            if (read != null) {
                return (Object) read;
            }
            try {
                LoadedImage img = loader.load(f);
                return (Object) new DecodedFilm(preprocessor.toInput(img.pixels()), img.format(),
                        img.acquisitionDate().orElse(null));
            } catch (ImageLoadException e) {
                return e.getMessage();
            } catch (OutOfMemoryError e) {
                // The loader bounds decoding by memory; preprocessing a large film may still find the heap full.
                // This film is skipped, the batch goes on.
                return f + ": not enough memory to prepare this image for the model (give Java more memory: -Xmx)";
            }
        }).toList();
    }

    /** The output of {@code inputs}, run through the network in batches. */
    private static Classifier.Output predict(Classifier classifier, List<float[]> inputs) {
        float[][] out = new float[inputs.size()][];
        Familiarity[] familiarity = new Familiarity[inputs.size()];
        for (int from = 0; from < inputs.size(); from += BATCH) {
            Classifier.Output batch = classifier.run(inputs.subList(from, Math.min(inputs.size(), from + BATCH)));
            System.arraycopy(batch.probabilities(), 0, out, from, batch.probabilities().length);
            System.arraycopy(batch.familiarity(), 0, familiarity, from, batch.familiarity().length);
        }
        return new Classifier.Output(out, familiarity);
    }

    /**
     * The CSV header: path, predicted class, one probability per class, then whether the film's reading is flagged
     * as unreliable ({@code yes}/{@code no}: the film is unlike the training films, or its folder's films taken
     * together are; empty for a model without a check), the film's own score (above 1 is flagged) and its folder's
     * site verdict ({@code yes}/{@code no}; empty when not judged: {@link RunSiteVerdict}).
     */
    static String header(List<String> classes) {
        List<String> names = new ArrayList<>(List.of("path", "predicted"));
        names.addAll(classes);
        names.addAll(List.of("unfamiliar", "unfamiliarity", "site_shift"));
        return CSVFormat.DEFAULT.format(names.toArray());
    }

    static String format(Path file, List<String> classes, float[] probs, Familiarity familiarity, SiteShift shift) {
        List<String> fields = fields(file, classes, probs);
        boolean shifted = shift != null && shift.shifted();
        fields.add(shifted ? "yes" : familiarity == null ? "" : familiarity.unfamiliar() ? "yes" : "no");
        fields.add(familiarity == null ? ""
                : String.format(Locale.ROOT, "%.3f", Math.min(familiarity.unfamiliarity(), 1e6)));
        fields.add(shift == null ? "" : shifted ? "yes" : "no");
        return CSVFormat.DEFAULT.format(fields.toArray());
    }

    /**
     * Path, predicted class, probabilities. A file named "=cmd|calc!A0.png" must not become a formula in a
     * spreadsheet: the log's export rule.
     */
    private static List<String> fields(Path file, List<String> classes, float[] probs) {
        int best = ClassScores.indexOfMax(probs);
        List<String> fields = new ArrayList<>(List.of(CsvExport.spreadsheetSafe(file.toString()), classes.get(best)));
        for (float p : probs) {
            fields.add(String.format(Locale.ROOT, "%.4f", p));
        }
        return fields;
    }
}
