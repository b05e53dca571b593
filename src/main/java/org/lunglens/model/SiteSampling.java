package org.lunglens.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;

/**
 * A folder's films judged together ({@link SiteShift}) from a sample of them: how {@code classify} judges each
 * folder before its first row and the AI tab the folder of the film it shows.
 */
public final class SiteSampling {
    /**
     * Films read per verdict, spread over the folder (the check's 100-film threshold applies). Each costs a forward
     * pass that keeps every layer's output (about 7 ms with decoding, against 3 for a film of a {@code classify}
     * run): twice as many added 5 s to a run over the data set's three folders, and the shifted folders we have lie
     * 2-4 times beyond the 100-film threshold.
     */
    public static final int SAMPLE = 128;
    private static final int BATCH = 64;

    private SiteSampling() {
    }

    /**
     * The verdict on {@code films} taken together, from up to {@link #SAMPLE} of them spread evenly; null when the
     * model has no site-shift reference or too few of them load and pass one at a time. Files that fail to load are
     * left out (whoever reads them one by one reports them).
     */
    public static SiteShift judge(Classifier classifier, List<Path> films) {
        SiteSample site = new SiteSample(classifier.model());
        if (!site.measurable() || films.size() < SiteShiftReference.MIN_FILMS) {
            return null;
        }
        ImageLoader loader = new ImageLoader();
        List<float[]> inputs = spread(films, SAMPLE).parallelStream().map(f -> {
            try {
                return classifier.preprocessor().toInput(loader.load(f).pixels());
            } catch (ImageLoadException | OutOfMemoryError e) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        for (int from = 0; from < inputs.size(); from += BATCH) {
            classifier.run(inputs.subList(from, Math.min(inputs.size(), from + BATCH)), site);
        }
        SiteShift shift = site.worst();
        return shift != null && shift.judged() ? shift : null;
    }

    /** Up to {@code n} of {@code files}, evenly spaced: a folder sorted by source still gives every source its share. */
    public static List<Path> spread(List<Path> files, int n) {
        if (files.size() <= n) {
            return files;
        }
        List<Path> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(files.get((int) ((long) i * files.size() / n)));
        }
        return picked;
    }
}
