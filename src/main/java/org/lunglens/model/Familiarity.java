package org.lunglens.model;

/**
 * How unlike the model's training films one film is.
 *
 * @param unfamiliarity the detector's score: above 1 means the film is unlike the films the model learned from,
 *                      and its reading is not reliable (1 is the threshold chosen on the validation split)
 * @param siteShifted   whether the film was read among films that, taken together, are unlike the training films
 *                      ({@link SiteShift}): its reading is then as unreliable, whatever its own score
 */
public record Familiarity(double unfamiliarity, boolean siteShifted) {
    public Familiarity(double unfamiliarity) {
        this(unfamiliarity, false);
    }

    public static Familiarity of(double unfamiliarity) {
        return new Familiarity(Double.isFinite(unfamiliarity) ? unfamiliarity : Double.MAX_VALUE);
    }

    /** Whether the film's reading is flagged: by its own score, or by the films read with it. */
    public boolean unfamiliar() {
        return unfamiliarity > 1 || siteShifted;
    }

    /** The same film's check, read among films found shifted ({@code shift} null or not shifted: unchanged). */
    public Familiarity withSiteShift(SiteShift shift) {
        return shift != null && shift.shifted() ? new Familiarity(unfamiliarity, true) : this;
    }

    /** The film counts as unfamiliar when any one network of a combined model says so: the worst score. */
    public static Familiarity worst(Familiarity a, Familiarity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.unfamiliarity >= b.unfamiliarity ? a : b;
    }

    /**
     * A combined model's verdict from its networks' (one per network): the worst of them, or null (no verdict)
     * unless every network has a check.
     */
    public static Familiarity ofNetworks(java.util.List<Familiarity> perNetwork) {
        Familiarity worst = null;
        for (Familiarity f : perNetwork) {
            if (f == null) {
                return null;
            }
            worst = worst(worst, f);
        }
        return worst;
    }
}
