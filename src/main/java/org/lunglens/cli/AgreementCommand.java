package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lunglens.app.SiteAgreement;
import org.lunglens.model.ModelFile;
import org.lunglens.patientlog.PatientLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lunglens agreement}: how often the AI agreed with this site's readers, from the patient log. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "How often each model agreed with this site's readers: every image's first read made without "
                + "the AI (quiz reads left out) against the model's latest analysis of it, per model and period. "
                + "The reader is the reference, not the truth.")
final class AgreementCommand implements Callable<Integer> {
    @ParentCommand
    LungLensCommand parent;

    @Option(names = "--db", paramLabel = "FILE", description = "the log (default: as for classify --log)")
    Path db;

    @Option(names = "--model", paramLabel = "NAME", description = "only this model (its name in the log, e.g. "
            + "covid-equalized)")
    String model;

    @Option(names = "--period", paramLabel = "all|year|month", defaultValue = "all",
            description = "group the reads by when they were made (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the figures as JSON")
    Path json;

    @Option(names = "--force", description = "replace an existing --json file LungLens did not write")
    boolean force;

    @Override
    public Integer call() throws Exception {
        SiteAgreement.Period by;
        try {
            by = SiteAgreement.Period.valueOf(period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("lunglens: --period is all, year or month, not " + period);
            return 2;
        }
        Path file = LungLensCommand.patientLog(db, parent);
        if (!Files.isRegularFile(file)) {
            System.err.println("lunglens: no patient log at " + file);
            return 2;
        }
        if (json != null) {
            new OutputGuard(force).protect(List.of(file)).checkFile("--json", json, "[");
        }
        List<SiteAgreement.Group> groups;
        try (PatientLog log = PatientLog.open(file)) {
            groups = SiteAgreement.of(log.readPairs(), model, by);
        }
        if (groups.isEmpty()) {
            System.out.println("No reads made without the AI on images the model" + (model == null ? "s" : " " + model)
                    + " analysed, in " + file + ".");
        }
        groups.forEach(g -> System.out.print(format(g)));
        if (json != null) {
            ModelFile.json().writeValue(json.toFile(), groups.stream().map(SiteAgreement.Group::toMap).toList());
            System.out.println("JSON written to " + json);
        }
        return 0;
    }

    static String format(SiteAgreement.Group g) {
        StringBuilder s = new StringBuilder();
        List<String> classes = g.counts().classes();
        s.append(String.format(Locale.ROOT, "%s, %s: %d reads compared", g.model(), g.period(), g.counts().n()));
        if (g.notComparable() > 0) {
            s.append(String.format(Locale.ROOT, " (%d more with a finding the model has no class for)",
                    g.notComparable()));
        }
        s.append(String.format(Locale.ROOT, "; %d of them flagged unfamiliar by the model%n", g.flagged()));
        s.append(String.format(Locale.ROOT, "  agreement %s (95%% CI %s)%n", figure(g.agreement()),
                g.agreementInterval().format()));
        if (g.binary()) {
            s.append(String.format(Locale.ROOT, "  sensitivity against the readers %s (95%% CI %s), specificity %s "
                    + "(95%% CI %s)%n", figure(g.sensitivity()), g.sensitivityInterval().format(),
                    figure(g.specificity()), g.specificityInterval().format()));
        }
        s.append("  reader \\ AI");
        classes.forEach(c -> s.append(String.format(Locale.ROOT, "  %10s", c)));
        s.append(System.lineSeparator());
        long[][] m = g.counts().confusion();
        for (int r = 0; r < classes.size(); r++) {
            s.append(String.format(Locale.ROOT, "  %-11s", classes.get(r)));
            for (long v : m[r]) {
                s.append(String.format(Locale.ROOT, "  %10d", v));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }

    private static String figure(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
