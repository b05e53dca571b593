package org.lunglens.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a department sees before trusting the model on its own films: how many films the model's familiarity check
 * flags, what it calls them, how its P(COVID) spreads, and which films are least like its training films. Where
 * the folder has class sub-folders the model knows, {@code evaluate}'s figures too.
 *
 * @param n                  films classified
 * @param unfamiliar         films the familiarity check flags (0 when the model has none)
 * @param hasCheck           whether the model has a familiarity check
 * @param calls              films called each class, in the model's class order
 * @param covidHistogram     films per tenth of P(COVID): [0, 0.1), ..., [0.9, 1]
 * @param leastFamiliar      the most unfamiliar films, worst first (at most {@link #LISTED})
 * @param evaluation         the labelled evaluation, or null when the folder has no class folders the model knows
 * @param skipped            unreadable files with the reason
 * @param siteShift          whether the films, taken together, are unlike the training films; null when the model
 *                           has no site-shift reference
 */
public record SiteCheck(int n, int unfamiliar, boolean hasCheck, Map<String, Integer> calls, int[] covidHistogram,
                        List<Film> leastFamiliar, Evaluation evaluation, Map<Path, String> skipped,
                        SiteShift siteShift) {
    /** Films listed as least familiar. */
    public static final int LISTED = 10;
    private static final int BATCH = 64;

    /** One film's call and familiarity. */
    public record Film(Path file, String predicted, double covidProbability, double unfamiliarity) {
    }

    /**
     * Image files under {@code root} as a site check reads them: a film's label is the name of its sub-folder, none
     * (the empty string) for a film directly in {@code root}.
     */
    public static List<LabelledImage> labelled(Path root, List<Path> files) {
        Path top = root.toAbsolutePath().normalize();
        return files.stream().map(f -> {
            Path parent = f.toAbsolutePath().normalize().getParent();
            return new LabelledImage(f, parent.equals(top) ? "" : parent.getFileName().toString(), "file:" + f);
        }).toList();
    }

    /** The report's first lines: films, the share flagged (with its 95% interval), the calls per class. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "%d films classified%s", n,
                skipped.isEmpty() ? "" : ", " + skipped.size() + " unreadable"));
        if (hasCheck) {
            ConfidenceInterval ci = ConfidenceInterval.wilson(unfamiliar, n);
            lines.add(String.format(java.util.Locale.ROOT, "flagged unfamiliar: %d (%.1f%%, 95%% CI %.1f-%.1f%%): the "
                    + "model's readings of these are not reliable", unfamiliar, 100 * unfamiliarFraction(),
                    100 * ci.lower(), 100 * ci.upper()));
        } else {
            lines.add("flagged unfamiliar: n/a (this model has no familiarity check)");
        }
        lines.add(siteShift == null ? "site shift: n/a (this model has no site-shift reference)"
                : siteShift.describe());
        calls.forEach((cls, k) -> lines.add(String.format(java.util.Locale.ROOT, "called %s: %d (%.1f%%)", cls, k,
                100.0 * k / Math.max(1, n))));
        return lines;
    }

    public double unfamiliarFraction() {
        return n == 0 ? Double.NaN : (double) unfamiliar / n;
    }

    /**
     * Runs the model over {@code images} (their folder is a label only when the model knows it) and gathers the
     * report; stops early, with what it has, when {@code cancelled} says so.
     */
    public static SiteCheck run(Classifier classifier, List<LabelledImage> images, ProgressListener progress,
                                BooleanSupplier cancelled) {
        ModelMetadata meta = classifier.model().metadata();
        InputCache cache = new InputCache(images, classifier.preprocessor(), progress);
        List<LabelledImage> readable = cache.readable(images);
        int covid = meta.classes().indexOf(ModelMetadata.COVID);
        Map<String, Integer> calls = new LinkedHashMap<>();
        meta.classes().forEach(c -> calls.put(c, 0));
        int[] histogram = new int[10];
        List<Film> films = new ArrayList<>();
        SiteSample site = new SiteSample(classifier.model());
        boolean hasCheck = true;
        int flagged = 0;
        for (int from = 0; from < readable.size() && !cancelled.getAsBoolean(); from += BATCH) {
            List<LabelledImage> batch = readable.subList(from, Math.min(readable.size(), from + BATCH));
            Classifier.Output out = classifier.run(batch.stream().map(i -> cache.get(i.file())).toList(), site);
            for (int i = 0; i < batch.size(); i++) {
                Prediction p = new Prediction(meta.classes(), out.probabilities()[i], 0, out.familiarity()[i]);
                calls.merge(p.predictedClass(), 1, Integer::sum);
                double pCovid = covid < 0 ? Double.NaN : p.probabilities()[covid];
                if (covid >= 0) {
                    histogram[Math.min(9, (int) (pCovid * 10))]++;
                }
                hasCheck &= p.familiarity() != null;
                flagged += p.unfamiliar() ? 1 : 0;
                films.add(new Film(batch.get(i).file(), p.predictedClass(), pCovid,
                        p.familiarity() == null ? Double.NaN : p.familiarity().unfamiliarity()));
            }
            progress.progress(Math.min(readable.size(), from + BATCH), readable.size(), "classifying");
        }
        List<Film> worst = films.stream().filter(f -> !Double.isNaN(f.unfamiliarity()))
                .sorted(Comparator.comparingDouble(Film::unfamiliarity).reversed()).limit(LISTED).toList();
        // Labels only where the folder says so: a binary model's folders count once one is named COVID (the others
        // are then its negatives, as in evaluate); a multi-class model's, where a folder is one of its classes
        boolean labelled = readable.stream().anyMatch(i -> meta.isBinary() ? ModelMetadata.COVID.equals(i.folder())
                : meta.classIndexOfFolder(i.folder()) >= 0);
        Evaluation evaluation = labelled && !cancelled.getAsBoolean()
                ? Evaluator.evaluate(classifier, readable, cache) : null;
        return new SiteCheck(films.size(), flagged, hasCheck && !films.isEmpty(), calls, histogram, worst, evaluation,
                cache.failures(), site.worst());
    }
}
