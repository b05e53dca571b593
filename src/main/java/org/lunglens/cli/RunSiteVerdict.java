package org.lunglens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.model.Classifier;
import org.lunglens.model.SiteSample;
import org.lunglens.model.SiteShift;
import org.lunglens.model.SiteShiftReference;

/**
 * The site-shift verdict on a whole {@code classify} run, reached before its first row is written so that every row
 * can carry it: the films of one run are read as one site's films, as the app reads the films opened in it.
 */
final class RunSiteVerdict {
    /** Films read for the verdict, spread over the run; from 200 on the check uses its 200-film threshold. */
    static final int SAMPLE = 256;
    private static final int BATCH = 64;

    private RunSiteVerdict() {
    }

    /**
     * The verdict on {@code files} taken together, from up to {@link #SAMPLE} of them spread evenly over the list,
     * or null when the model has no site-shift reference or the run is too small to judge. Files that fail to load
     * are left out here (the run reports them).
     */
    static SiteShift judge(Classifier classifier, List<Path> files) {
        SiteSample site = new SiteSample(classifier.model());
        if (!site.measurable() || files.size() < SiteShiftReference.MIN_FILMS) {
            return null;
        }
        List<Path> spread = spread(files, SAMPLE);
        ImageLoader loader = new ImageLoader();
        List<float[]> inputs = spread.parallelStream().map(f -> {
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

    /** Up to {@code n} of {@code files}, evenly spaced: a run sorted by source still gives every source its share. */
    static List<Path> spread(List<Path> files, int n) {
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
