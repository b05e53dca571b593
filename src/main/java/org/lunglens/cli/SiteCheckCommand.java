package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Classifier;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Evaluation;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteCheck;
import org.lunglens.model.SiteShift;
import org.lunglens.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lunglens sitecheck DIR}: how the model behaves on a department's own films, before anyone trusts it. */
@Command(name = "sitecheck", mixinStandardHelpOptions = true,
        description = "Run the model over a folder of this site's films (walked recursively) and report: films, the "
                + "share its familiarity check flags, its calls per class, the spread of P(COVID) and the least familiar "
                + "films. Where the folder has class sub-folders (COVID and others), evaluate's figures too.")
final class SiteCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "this site's films")
    Path dir;

    @Option(names = "--model", description = "model file (default: the app's default model)")
    Path model;

    @Option(names = "--json", description = "also write the report as JSON (n, unfamiliarFraction, calls, ...)")
    Path json;

    @Option(names = "--plots", paramLabel = "DIR", description = "also write the P(COVID) histogram (and, with labels, "
            + "evaluate's plots) as PNG files into DIR")
    Path plots;

    @Option(names = "--force", description = "replace an existing --json file LungLens did not write")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("lunglens: " + dir + " is not a folder");
            return 2;
        }
        if (plots != null && Files.exists(plots) && !Files.isDirectory(plots)) {
            System.err.println("lunglens: --plots " + plots + " is a file; give a folder (it is created if missing)");
            return 2;
        }
        Path modelFile = model != null ? model : BundledModels.defaultModel();
        if (json != null) {
            new OutputGuard(force).protect(List.of(modelFile)).checkFile("--json", json, "{");
        }
        List<LabelledImage> images = SiteCheck.labelled(dir, ImageFiles.expand(List.of(dir)));
        if (images.isEmpty()) {
            System.err.println("lunglens: no image files in " + dir);
            return 1;
        }
        Nd4jSettings.forBatchInference();
        Classifier classifier = new Classifier(ModelFile.load(modelFile));
        SiteCheck check = SiteCheck.run(classifier, images, ProgressListener.NONE, () -> false);
        Evaluation.describeSkipped(check.skipped()).forEach(System.err::println);
        System.out.print(format(check, classifier.model().metadata().name()));
        if (json != null) {
            ModelFile.json().writeValue(json.toFile(), report(check));
            System.out.println("JSON report written to " + json);
        }
        if (plots != null) {
            Files.createDirectories(plots);
            String name = classifier.model().metadata().name();
            Plots.covidHistogram(check.covidHistogram(), name + " on " + dir.getFileName(),
                    plots.resolve(name + "-sitecheck-pcovid.png"));
            if (check.evaluation() != null && check.evaluation().truth().length > 0) {
                Plots.testPlots(check.evaluation(), name + ": " + dir.getFileName(), plots, name);
            }
            System.out.println("Plots written to " + plots);
        }
        return check.n() == 0 ? 1 : 0;
    }

    static String format(SiteCheck c, String model) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model ").append(model).append('\n');
        c.summaryLines().forEach(l -> sb.append(l).append('\n'));
        sb.append("P(COVID)          ");
        for (int b = 0; b < c.covidHistogram().length; b++) {
            sb.append(String.format(Locale.ROOT, " %.1f:%d", b / 10.0, c.covidHistogram()[b]));
        }
        sb.append(String.format(Locale.ROOT, "%nleast familiar films (unfamiliarity, above 1 is flagged):%n"));
        for (SiteCheck.Film f : c.leastFamiliar()) {
            sb.append(String.format(Locale.ROOT, "  %8.2f  %-10s P(COVID) %.2f  %s%n", Math.min(f.unfamiliarity(), 1e6),
                    f.predicted(), f.covidProbability(), f.file()));
        }
        if (c.evaluation() != null) {
            sb.append(String.format(Locale.ROOT, "%nWith the class sub-folders as labels:%n"));
            sb.append(EvaluationPrinter.format(c.evaluation()));
        }
        return sb.toString();
    }

    static Map<String, Object> report(SiteCheck c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("n", c.n());
        r.put("unfamiliarFraction", c.hasCheck() ? c.unfamiliarFraction() : null);
        r.put("unfamiliar", c.hasCheck() ? c.unfamiliar() : null);
        r.put("unfamiliarInterval", c.hasCheck() ? ConfidenceInterval.wilson(c.unfamiliar(), c.n()).toList() : null);
        if (c.siteShift() != null) {
            SiteShift s = c.siteShift();
            Map<String, Object> shift = new LinkedHashMap<>();
            shift.put("films", s.films());
            shift.put("judged", s.judged());
            shift.put("shifted", s.shifted());
            shift.put("flaggedOneAtATime", s.flagged());
            shift.put("mostlyFlagged", s.mostlyFlagged());
            shift.put("distance", Double.isNaN(s.threshold()) || Double.isNaN(s.distance()) ? null : s.distance());
            shift.put("threshold", Double.isNaN(s.threshold()) ? null : s.threshold());
            shift.put("nearestMixture", s.roundedShares());
            r.put("siteShift", shift);
        }
        r.put("calls", c.calls());
        r.put("covidHistogram", c.covidHistogram());
        r.put("leastFamiliar", c.leastFamiliar().stream().map(f -> Map.of("path", f.file().toString(),
                "predicted", f.predicted(), "covidProbability", f.covidProbability(),
                "unfamiliarity", Math.min(f.unfamiliarity(), 1e6))).toList());
        r.put("skipped", c.skipped().size());
        if (c.evaluation() != null) {
            r.put("evaluation", c.evaluation().report());
        }
        return r;
    }
}
