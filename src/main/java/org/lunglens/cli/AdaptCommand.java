package org.lunglens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lunglens.model.AdaptedNetwork;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Classifier;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelFileNames;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.Prediction;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteAdaptation;
import org.lunglens.model.SiteShiftFitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lunglens adapt}: a model adapted to one site's films without labels (AdaBN). */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Adapt a model to this site from its unlabelled films: every batch normalisation's statistics "
                + "are moved to the site's (AdaBN), allowing for what the films are (--sample-mix; by default, films "
                + "without COVID). Use a few hundred films of the site, and say what they are if some have COVID. "
                + "Writes the model and a card beside it.")
final class AdaptCommand implements Callable<Integer> {
    @Option(names = "--model", description = "the model to adapt (default: the app's default model); each network of "
            + "a combined model is adapted")
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
        Path parentFile = model != null ? model : BundledModels.defaultModel();
        new OutputGuard(force).protect(List.of(parentFile)).checkModelFile("--out", out);
        List<LabelledImage> images = new ArrayList<>();
        for (Path f : ImageFiles.expand(List.of(data))) {
            images.add(new LabelledImage(f, "", "file:" + f));
            if (images.size() == maxFilms) {
                break;
            }
        }
        Nd4jSettings.forBatchInference();
        LoadedModel parent = ModelFile.load(parentFile);
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
        // Each network of a combined model is adapted on its own, to the same films and the same mix
        List<double[]> mixes = new ArrayList<>();
        for (LoadedModel network : parent.networks()) {
            ModelMetadata nm = network.metadata();
            double[] mix;
            try {
                mix = SampleMix.parse(sampleMix, nm);
            } catch (IllegalArgumentException e) {
                System.err.println("lunglens: --sample-mix: " + e.getMessage());
                return 2;
            }
            if (mix != null && nm.batchNormReference() == null) {
                if (sampleMix != null) {
                    System.err.println("lunglens: " + nm.name() + " in " + parentFile.getFileName() + " has no per-class"
                            + " batch-norm statistics (fit them with: lunglens familiarity --model ... --data ... --split ...)");
                    return 2;
                }
                System.err.println("lunglens: warning: " + nm.name() + " in " + parentFile.getFileName() + " has no "
                        + "per-class batch-norm statistics: plain AdaBN, centred on this sample as it is");
                mix = null;
            }
            mixes.add(mix);
        }
        int depth = "all".equals(batchNorms) ? Integer.MAX_VALUE : Integer.parseInt(batchNorms);
        String parentSha = ModelFile.sha256(parentFile);
        String name = ModelFileNames.baseName(out);
        List<AdaptedNetwork> adapted = new ArrayList<>();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int n = 0; n < parent.networks().size(); n++) {
            LoadedModel network = parent.networks().get(n);
            AdaptedNetwork a = AdaptedNetwork.of(network, inputs, size, mixes.get(n), depth, data.toString());
            adapted.add(a);
            records.add(adaptation(a, network.metadata(), mixes.get(n), depth, inputs.size(), parentFile, parentSha));
        }
        Map<String, Object> adaptation = records.get(0);
        if (parent.isCombined()) {
            adaptation.put("networks", parent.networks().size() + " networks, each adapted to these films on its own");
        }
        ModelMetadata p = parent.metadata();
        ModelMetadata meta = adapted.get(0).metadata(name, p, adaptation);
        if (parent.isCombined()) {
            saveCombined(adapted, records, meta, parent);
        } else {
            adapted.get(0).save(meta, out);
        }

        int[] before = calls(new Classifier(parent), inputs, p.classes());
        int[] after = calls(new Classifier(ModelFile.load(out)), inputs, p.classes());
        String summary = summary(p.classes(), before, after, inputs.size());
        Files.writeString(ModelFileNames.sibling(out, ".md"), card(name, parentFile, parentSha, adaptation, summary));
        System.out.print(summary);
        System.out.println("Adapted model written to " + out + " (card: " + name + ".md)");
        return 0;
    }

    /** What the adaptation of one network was, for its metadata and the card. */
    private Map<String, Object> adaptation(AdaptedNetwork a, ModelMetadata pm, double[] mix, int depth, int films,
                                           Path parentFile, String parentSha) {
        Map<String, Object> adaptation = new LinkedHashMap<>();
        adaptation.put("method", mix != null
                ? "AdaBN for a sample of " + SampleMix.describe(mix, pm) + ": every batch norm's training statistics"
                        + " moved by how the site's films differ from the training films in that mix, layer by"
                        + " layer; weights unchanged"
                : "AdaBN: " + (depth == Integer.MAX_VALUE ? "every batch norm's" : "the first " + depth
                        + " batch norms'") + " mean and variance re-estimated on the site's films, layer by layer;"
                        + " weights unchanged");
        adaptation.put("source", data.toAbsolutePath().normalize().toString());
        adaptation.put("films", films);
        adaptation.put("date", LocalDate.now().toString());
        adaptation.put("parent", parentFile.getFileName().toString());
        adaptation.put("parentSha256", parentSha);
        adaptation.put("familiarity", a.check().fittedOn());
        adaptation.put("siteShift", a.siteCheck() != null ? a.siteCheck().fittedOn() + "; judges folders of "
                + a.siteCheck().thresholds().get(0).films() + " films or more"
                : "none: it takes " + SiteShiftFitter.SITE_MIN_FILMS + " films or more");
        return adaptation;
    }

    /**
     * A combined model's adapted networks as one combined file: each partner written as a model file of its own
     * (its adapted metadata and checks) and put inside, as {@code combine} does. The partners' files are written
     * beside {@code --out} for the moment it takes, where the user chose to write.
     */
    private void saveCombined(List<AdaptedNetwork> adapted, List<Map<String, Object>> records, ModelMetadata meta,
                              LoadedModel parent) throws IOException {
        Path folder = Files.createDirectories(out.toAbsolutePath().getParent());
        Path dir = Files.createTempDirectory(folder, ".adapt-");
        try {
            Path primary = dir.resolve("primary.zip");
            adapted.get(0).save(meta, primary);
            List<Path> partners = new ArrayList<>();
            for (int n = 1; n < adapted.size(); n++) {
                ModelMetadata pm = parent.networks().get(n).metadata();
                String partnerName = pm.name() + "+adapted";
                Path file = dir.resolve(partnerName + ".zip");
                adapted.get(n).save(adapted.get(n).metadata(partnerName, pm, records.get(n)), file);
                partners.add(file);
            }
            ModelFile.saveCombined(primary, partners, meta, out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
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
                + (a.containsKey("networks") ? "| networks | " + a.get("networks") + " (their checks refitted each) |\n" : "")
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
