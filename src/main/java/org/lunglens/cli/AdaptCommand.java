package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Classifier;
import org.lunglens.model.FamiliarityDetector;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.Prediction;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteAdaptation;
import org.lunglens.model.SiteShiftFitter;
import org.lunglens.model.SiteShiftReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lunglens adapt}: a model adapted to one site's films without labels (AdaBN). */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Adapt a model to this site from its unlabelled films: every batch normalisation's statistics "
                + "are moved to the site's (AdaBN), allowing for what the films are (--sample-mix; by default, films "
                + "without COVID). Use a few hundred films of the site, and say what they are if some have COVID. "
                + "Writes the model and a card beside it.")
final class AdaptCommand implements Callable<Integer> {
    @Option(names = "--model", description = "the model to adapt, one network (default: the bundled " + BundledModels.EQUALIZED
            + ", the default model's own network at full resolution)")
    Path model;

    @Option(names = "--data", required = true, description = "this site's films (a folder, walked recursively; "
            + "sub-folders are not read as labels)")
    Path data;

    @Option(names = "--out", required = true, description = "the adapted model file (.zip)")
    Path out;

    @Option(names = "--max-films", defaultValue = "2000", description = "use at most this many films (default: ${DEFAULT-VALUE})")
    int maxFilms;

    @Option(names = "--batch-norms", defaultValue = "all", paramLabel = "N|all",
            description = "re-estimate only the first N batch norms from the input, keep the deeper ones (default: "
                    + "${DEFAULT-VALUE})")
    String batchNorms;

    @Option(names = "--sample-mix", paramLabel = "MIX",
            description = "what the films are: one class (Normal), shares (COVID=0.1,Normal=0.9), or 'training' "
                    + "(as mixed as the training films: plain AdaBN). Default: no COVID films, as a department's "
                    + "consecutive films nearly are today; the adaptation then moves each batch norm by how the "
                    + "site's films differ from the training films of that mix, instead of centring the model on "
                    + "the sample")
    String sampleMix;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        // The app's default combines two networks; adapt moves one network's batch norms
        Path parentFile = model;
        if (parentFile == null) {
            Optional<Path> network = BundledModels.find(BundledModels.EQUALIZED);
            parentFile = network.isPresent() ? network.get() : BundledModels.defaultModel();
        }
        if (!out.getFileName().toString().endsWith(".zip")) {
            System.err.println("lunglens: --out must name a .zip file");
            return 2;
        }
        new OutputGuard(force).protect(List.of(parentFile)).checkFile("--out", out, null);
        List<LabelledImage> images = new ArrayList<>();
        for (Path f : ImageFiles.expand(List.of(data))) {
            images.add(new LabelledImage(f, "", "file:" + f));
            if (images.size() == maxFilms) {
                break;
            }
        }
        Nd4jSettings.forBatchInference();
        LoadedModel parent = ModelFile.load(parentFile);
        if (parent.isCombined()) {
            System.err.println("lunglens: " + parentFile + " is a combined model; adapt one network (e.g. "
                    + BundledModels.EQUALIZED + ")");
            return 2;
        }
        InputCache cache = new InputCache(images, parent.preprocessor(), ProgressListener.NONE);
        List<float[]> inputs = cache.readable(images).stream().map(i -> cache.get(i.file())).toList();
        if (inputs.size() < SiteAdaptation.MIN_FILMS) {
            System.err.println("lunglens: " + data + " has " + inputs.size() + " readable films; adaptation needs at least "
                    + SiteAdaptation.MIN_FILMS + " (a few hundred are better)");
            return 1;
        }
        if (inputs.size() < SiteAdaptation.ADVISED_FILMS) {
            System.err.println("lunglens: warning: " + inputs.size() + " films; " + SiteAdaptation.ADVISED_FILMS
                    + " or more give steadier statistics");
        }
        int size = parent.metadata().preprocessing().size();
        ModelMetadata pm = parent.metadata();
        double[] mix;
        try {
            mix = SampleMix.parse(sampleMix, pm);
        } catch (IllegalArgumentException e) {
            System.err.println("lunglens: --sample-mix: " + e.getMessage());
            return 2;
        }
        if (mix != null && pm.batchNormReference() == null) {
            if (sampleMix != null) {
                System.err.println("lunglens: " + parentFile.getFileName() + " has no per-class batch-norm statistics"
                        + " (fit them with: lunglens familiarity --model ... --data ... --split ...)");
                return 2;
            }
            System.err.println("lunglens: warning: " + parentFile.getFileName() + " has no per-class batch-norm "
                    + "statistics: plain AdaBN, centred on this sample as it is");
            mix = null;
        }
        int depth = "all".equals(batchNorms) ? Integer.MAX_VALUE : Integer.parseInt(batchNorms);
        MultiLayerNetwork adapted = mix != null
                ? SiteAdaptation.adaptToMix(parent.network(), inputs, size, pm.batchNormReference(), mix)
                : SiteAdaptation.adapt(parent.network(), inputs, size, depth);
        FamiliarityDetector check = SiteAdaptation.refitFamiliarity(adapted, inputs, size, data.toString());
        SiteShiftReference siteCheck = SiteAdaptation.refitSiteShift(adapted, inputs, size, data.toString());
        String parentSha = ModelFile.sha256(parentFile);
        Map<String, Object> adaptation = new LinkedHashMap<>();
        adaptation.put("method", mix != null
                ? "AdaBN for a sample of " + SampleMix.describe(mix, pm) + ": every batch norm's training statistics"
                        + " moved by how the site's films differ from the training films in that mix, layer by"
                        + " layer; weights unchanged"
                : "AdaBN: " + (depth == Integer.MAX_VALUE ? "every batch norm's" : "the first " + depth
                        + " batch norms'") + " mean and variance re-estimated on the site's films, layer by layer;"
                        + " weights unchanged");
        adaptation.put("source", data.toAbsolutePath().normalize().toString());
        adaptation.put("films", inputs.size());
        adaptation.put("date", LocalDate.now().toString());
        adaptation.put("parent", parentFile.getFileName().toString());
        adaptation.put("parentSha256", parentSha);
        adaptation.put("familiarity", check.fittedOn());
        adaptation.put("siteShift", siteCheck != null ? siteCheck.fittedOn() + "; judges folders of "
                + siteCheck.thresholds().get(0).films() + " films or more"
                : "none: it takes " + SiteShiftFitter.SITE_MIN_FILMS + " films or more");
        Map<String, Object> training = new LinkedHashMap<>(parent.metadata().training());
        training.put("adaptation", adaptation);
        String name = out.getFileName().toString().replaceFirst("\\.zip$", "");
        ModelMetadata p = parent.metadata();
        // No test metrics: the parent's record does not describe the adapted model on this site's films
        ModelMetadata meta = new ModelMetadata(p.formatVersion(), name, p.version() + "+adapted", p.task(), p.classes(),
                p.preprocessing(), p.architecture(), p.parameters(), p.gradCamLayer(), training, Map.of(), check,
                null, siteCheck); // the parent's batch-norm reference describes the parent's statistics, not these
        ModelFile.save(adapted, meta, out, false);

        int[] before = calls(new Classifier(parent), inputs, p.classes());
        int[] after = calls(new Classifier(ModelFile.load(out)), inputs, p.classes());
        String summary = summary(p.classes(), before, after, inputs.size());
        Files.writeString(out.resolveSibling(name + ".md"), card(name, parentFile, parentSha, adaptation, summary));
        System.out.print(summary);
        System.out.println("Adapted model written to " + out + " (card: " + name + ".md)");
        return 0;
    }

    private static int[] calls(Classifier classifier, List<float[]> inputs, List<String> classes) {
        int[] counts = new int[classes.size()];
        for (int from = 0; from < inputs.size(); from += 64) {
            for (float[] p : classifier.predictInputs(inputs.subList(from, Math.min(inputs.size(), from + 64)))) {
                counts[new Prediction(classes, p, 0).predictedIndex()]++;
            }
        }
        return counts;
    }

    private static String summary(List<String> classes, int[] before, int[] after, int n) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %14s %14s%n", "calls on the "
                + n + " films", "before", "after"));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%-16s %8d %4.0f%% %8d %4.0f%%%n", classes.get(c), before[c],
                    100.0 * before[c] / n, after[c], 100.0 * after[c] / n));
        }
        return sb.toString();
    }

    private static String card(String name, Path parent, String parentSha, Map<String, Object> a, String summary) {
        return "# " + name + ": " + parent.getFileName() + " adapted to one site\n\n"
                + "Teaching and research only; not for clinical diagnosis.\n\n"
                + "| | |\n|---|---|\n"
                + "| parent | `" + parent.getFileName() + "`, SHA-256 `" + parentSha + "` |\n"
                + "| method | " + a.get("method") + " |\n"
                + "| films | " + a.get("films") + " from `" + a.get("source") + "` |\n"
                + "| date | " + a.get("date") + " |\n"
                + "| familiarity check | refitted on " + a.get("familiarity") + ": it flags films unlike this site's |\n"
                + "| site-shift check | " + a.get("siteShift") + ": it warns when a folder, taken together, is unlike this site's films |\n\n"
                + "No test figures: the parent's do not describe this model. Check it on labelled films of the site with "
                + "`lunglens sitecheck DIR --model " + name + ".zip` (class sub-folders COVID and others).\n\n"
                + "What the adaptation changed on the films it was made from:\n\n```\n" + summary + "```\n\n"
                + "A good adaptation sample is a few hundred films of the site, taken as they come (consecutive, not "
                + "chosen for a finding), of the machines and protocols the model will see, and said for what they "
                + "are (--sample-mix): the adaptation compares them with the training films of the same mix. A "
                + "sample wrongly described (COVID films in a sample called normal) moves the model's threshold "
                + "towards calling COVID films normal.\n";
    }
}
