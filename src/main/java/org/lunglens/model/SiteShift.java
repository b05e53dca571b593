package org.lunglens.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sample of a site's films measured against the training films ({@link SiteShiftReference}).
 *
 * @param films     films in the sample (those not flagged one at a time)
 * @param distance  how far the sample's mean features lie from the nearest mixture of the training groups
 * @param threshold the largest distance of training-like samples of this size (NaN: too few films to judge)
 * @param shares    the nearest mixture's share of each training group
 * @param flagged   films of the sample flagged one at a time, left out of the distance
 */
public record SiteShift(int films, double distance, double threshold, Map<String, Double> shares, int flagged) {
    public SiteShift {
        shares = Map.copyOf(shares);
    }

    public SiteShift(int films, double distance, double threshold, Map<String, Double> shares) {
        this(films, distance, threshold, shares, 0);
    }

    /** The same measurement of a sample that also held {@code count} films flagged one at a time. */
    public SiteShift withFlagged(int count) {
        return new SiteShift(films, distance, threshold, shares, count);
    }

    /**
     * Whether most of a sample large enough to judge was flagged one at a time. The familiarity check flags a few
     * percent of films like those it was fitted on (a fifth at most of any training source's); where it flags more
     * than half, the films are unlike them as a group too, and the few it passes are no more to be relied on. After
     * adaptation this is how another site's films show: the refitted check flags most of them.
     */
    public boolean mostlyFlagged() {
        return films + flagged >= SiteShiftReference.MIN_FILMS && flagged > films;
    }

    /** Whether the sample is large enough to judge ({@link SiteShiftReference#MIN_FILMS}). */
    public boolean judged() {
        return !Double.isNaN(threshold) || mostlyFlagged();
    }

    /** Whether the films, taken together, are unlike the training films. */
    public boolean shifted() {
        return mostlyFlagged() || (!Double.isNaN(threshold) && distance > threshold);
    }

    /** How far beyond its threshold the sample lies (above 1: shifted), for choosing the worst of several. */
    double severity() {
        if (mostlyFlagged()) {
            return Double.POSITIVE_INFINITY;
        }
        return judged() ? distance / threshold : -1;
    }

    /**
     * Whether the films were measured against the site an adapted model was adapted to ({@link
     * SiteShiftFitter#fitToSite}) rather than against its training films.
     */
    public boolean againstAdaptedSite() {
        return shares.keySet().equals(Set.of(SiteShiftFitter.SITE_GROUP));
    }

    /** What the films were measured against, for a sentence. */
    public String comparedWith() {
        return againstAdaptedSite() ? "the films the model was adapted to" : "the films the model learned from";
    }

    /** One line for a report: the verdict first, then the figures behind it. */
    public String describe() {
        if (!judged()) {
            return String.format(Locale.ROOT, "site shift: not judged (%d films not flagged one at a time; it takes at least %d)", films,
                    SiteShiftReference.MIN_FILMS);
        }
        if (mostlyFlagged()) {
            return String.format(Locale.ROOT, "site shift: YES: %d of these %d films are unlike %s one at a time, "
                    + "so the %d that pass are not to be relied on either", flagged, films + flagged, comparedWith(),
                    films) + "; " + (againstAdaptedSite()
                    ? "the adaptation was made for another site's films (docs/SITE.md)"
                    : "its test figures do not carry over to them (docs/SITE.md)");
        }
        String figures = String.format(Locale.ROOT, "distance %.3f, at most %.3f for %d films like %s, whatever "
                + "their mix of findings; films flagged one at a time left out", distance, threshold, films,
                againstAdaptedSite() ? "the site's" : "the training films");
        String advice = againstAdaptedSite()
                ? "the adaptation was made for another site's films; check the model on labelled films of this one or "
                        + "adapt its parent to them (docs/SITE.md)"
                : "its test figures do not carry over to them; check it on labelled films of this site or adapt it to "
                        + "them (docs/SITE.md)";
        return shifted()
                ? "site shift: YES: taken together, these films are unlike " + comparedWith() + " (" + figures + "): "
                        + advice
                : "site shift: none seen: taken together, these films are like " + comparedWith() + " (" + figures + ")";
    }

    /** The nearest mixture, for a JSON report: group -> share, rounded. */
    public Map<String, Double> roundedShares() {
        return shares.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(e.getValue() * 1000) / 1000.0));
    }
}
