package org.lunglens.model;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sample of a site's films measured against the training films ({@link SiteShiftReference}).
 *
 * @param films     films in the sample (those not flagged one at a time)
 * @param distance  how far the sample's mean features lie from the nearest mixture of the training groups
 * @param threshold the largest distance of training-like samples of this size (NaN: too few films to judge)
 * @param shares    the nearest mixture's share of each training group
 */
public record SiteShift(int films, double distance, double threshold, Map<String, Double> shares) {
    public SiteShift {
        shares = Map.copyOf(shares);
    }

    /** Whether the sample is large enough to judge ({@link SiteShiftReference#MIN_FILMS}). */
    public boolean judged() {
        return !Double.isNaN(threshold);
    }

    /** Whether the films, taken together, are unlike the training films. */
    public boolean shifted() {
        return judged() && distance > threshold;
    }

    /** One line for a report: the verdict first, then the figures behind it. */
    public String describe() {
        if (!judged()) {
            return String.format(Locale.ROOT, "site shift: not judged (%d films not flagged one at a time; it takes at least %d)", films,
                    SiteShiftReference.MIN_FILMS);
        }
        String figures = String.format(Locale.ROOT, "distance %.3f, at most %.3f for %d films like the training "
                + "films, whatever their mix of findings; films flagged one at a time left out", distance, threshold, films);
        return shifted()
                ? "site shift: YES: taken together, these films are unlike the films the model learned from ("
                        + figures + "): its test figures do not carry over to them; check it on labelled films of "
                        + "this site or adapt it to them (docs/SITE.md)"
                : "site shift: none seen: taken together, these films are like the training films (" + figures + ")";
    }

    /** The nearest mixture, for a JSON report: group -> share, rounded. */
    public Map<String, Double> roundedShares() {
        return shares.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(e.getValue() * 1000) / 1000.0));
    }
}
