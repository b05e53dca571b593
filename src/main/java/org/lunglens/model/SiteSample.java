package org.lunglens.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gathers a site's films, as a {@link Classifier} runs over them, for the site-shift check: per network, the sum of
 * each film's features ({@link SiteShiftReference#features}); the films themselves are not kept.
 */
public final class SiteSample {
    private final List<SiteShiftReference> references;
    private final List<double[]> sums = new ArrayList<>();
    private final int[] films;
    /** Per network, the films its familiarity check flagged, left out of the sums. */
    private final int[] flagged;

    /** For {@code model}: one entry per network, in {@link LoadedModel#networks()} order. */
    public SiteSample(LoadedModel model) {
        this(model.networks().stream().map(n -> n.metadata().siteShift()).toList());
    }

    private SiteSample(List<SiteShiftReference> references) {
        this.references = references;
        references.forEach(r -> sums.add(null));
        films = new int[references.size()];
        flagged = new int[references.size()];
    }

    /** A new, empty sample of the same model (e.g. for one film, to be added to a kept sample). */
    public SiteSample empty() {
        return new SiteSample(references);
    }

    /**
     * What a sample keeps between runs of the app: per network, the sum of its films' features, their count and the
     * count of films flagged one at a time (null in a file saved before it was kept).
     */
    public record Totals(List<double[]> sums, int[] films, int[] flagged) {
        /**
         * These films and {@code other}'s together (the same model's, e.g. kept by another run of the app);
         * a network whose sums do not match is kept as it is here.
         */
        public Totals plus(Totals other) {
            if (other.sums().size() != sums.size() || other.films().length != films.length) {
                return this;
            }
            List<double[]> together = new ArrayList<>(sums);
            int[] filmsTogether = films.clone();
            int[] flaggedTogether = flagged != null && flagged.length == films.length ? flagged.clone()
                    : new int[films.length];
            for (int n = 0; n < films.length; n++) {
                double[] a = sums.get(n);
                double[] b = other.sums().get(n);
                if (b != null && a != null && a.length != b.length) {
                    continue;
                }
                if (b != null) {
                    double[] sum = a == null ? new double[b.length] : a.clone();
                    for (int j = 0; j < b.length; j++) {
                        sum[j] += b[j];
                    }
                    together.set(n, sum);
                }
                filmsTogether[n] += other.films()[n];
                if (other.flagged() != null && other.flagged().length == films.length) {
                    flaggedTogether[n] += other.flagged()[n];
                }
            }
            return new Totals(together, filmsTogether, flaggedTogether);
        }
    }

    public Totals totals() {
        return new Totals(new ArrayList<>(sums), films.clone(), flagged.clone());
    }

    /** Takes up {@code saved} totals of the same model; ignored if their shape is not this model's. */
    public void restore(Totals saved) {
        if (saved.sums().size() != sums.size() || saved.films().length != films.length) {
            return;
        }
        for (int n = 0; n < sums.size(); n++) {
            double[] sum = saved.sums().get(n);
            boolean fits = references.get(n) != null && sum != null && sum.length == references.get(n).spread().length;
            sums.set(n, fits ? sum.clone() : null);
            films[n] = fits ? saved.films()[n] : 0;
            flagged[n] = fits && saved.flagged() != null && saved.flagged().length == flagged.length
                    ? saved.flagged()[n] : 0;
        }
    }

    /** Whether any network of the model carries a site-shift reference. */
    public boolean measurable() {
        return references.stream().anyMatch(r -> r != null);
    }

    /** Whether network {@code network} has a reference to read features for. */
    boolean reads(int network) {
        return references.get(network) != null;
    }

    /**
     * Adds the first {@code rows} films of a batch's feed-forward list of network {@code network}, leaving out those
     * its familiarity check flags ({@code familiarity}: per row, null where there is no check). A flagged film is
     * already called unreliable on its own, and one blank or odd file would move a group's mean far enough to make
     * a whole folder of good films look shifted: the group check is about the films that pass one at a time.
     */
    void add(int network, List<INDArray> feedForward, int rows, Familiarity[] familiarity) {
        SiteShiftReference ref = references.get(network);
        double[][] features = SiteShiftReference.features(feedForward, rows, ref.layers());
        for (int i = 0; i < rows; i++) {
            if (familiarity[i] != null && familiarity[i].unfamiliar()) {
                flagged[network]++;
                continue;
            }
            double[] f = features[i];
            if (sums.get(network) == null) {
                sums.set(network, new double[f.length]);
            }
            double[] sum = sums.get(network);
            for (int j = 0; j < f.length; j++) {
                sum[j] += f[j];
            }
            films[network]++;
        }
    }

    /**
     * The measurement of the network furthest from its training films (relative to its threshold; most films
     * flagged one at a time counts as furthest), or null when no network has a reference. A combined model's films
     * are shifted when any of its networks says so. The rule for a folder's films.
     */
    public SiteShift worst() {
        return worst(true);
    }

    /**
     * The same, judged on the films that pass one at a time only (the flagged ones neither counted nor a verdict):
     * the rule for the films read at one workstation over days, which include a teacher's odd files and
     * photographs, not a site.
     */
    public SiteShift worstOfFilmsThatPass() {
        return worst(false);
    }

    private SiteShift worst(boolean countFlagged) {
        List<SiteShift> shifts = new ArrayList<>();
        for (int n = 0; n < references.size(); n++) {
            if (references.get(n) == null) {
                continue;
            }
            double[] mean = new double[references.get(n).spread().length];
            if (films[n] > 0) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] = sums.get(n)[j] / films[n];
                }
            }
            // No film passed: nothing to measure, but the groups are named (an adapted model's "site" among them)
            SiteShift shift = films[n] == 0 ? new SiteShift(0, Double.NaN, Double.NaN, references.get(n).groupFolders()
                    .stream().distinct().collect(java.util.stream.Collectors.toMap(f -> f, f -> 0.0)))
                    : references.get(n).measure(mean, films[n]);
            shifts.add(countFlagged ? shift.withFlagged(flagged[n]) : shift);
        }
        return shifts.stream().max(Comparator.comparingDouble(SiteShift::severity)).orElse(null);
    }
}
