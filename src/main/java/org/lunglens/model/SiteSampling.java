package org.lunglens.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;

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
    /** Films read at a time (decoded in parallel, then one batch through the network): the budget's step. */
    private static final int CHUNK = 8;
    private static final int CHUNKS = SAMPLE / CHUNK;
    private static final int BATCH = 64;

    private SiteSampling() {
    }

    /** Told of each film read for a verdict (from several threads at once), so that a caller can keep what it needs. */
    @FunctionalInterface
    public interface Reads {
        void read(Path file, LoadedImage image, float[] input);
    }

    /**
     * The verdict on {@code films} taken together, from up to {@link #SAMPLE} of them spread evenly; null when the
     * model has no site-shift reference or too few of them load and pass one at a time. Files that fail to load are
     * left out (whoever reads them one by one reports them). Films are read a chunk at a time, in an order that spans
     * the folder from the first chunk, and reading stops once {@code budget} is spent (a folder of full-size DICOM
     * films decodes far more slowly than the data set's; the AI tab must not wait on it); {@code reads} is told of
     * each film read.
     */
    public static SiteShift judge(Classifier classifier, List<Path> films, Duration budget, Reads reads) {
        SiteSample site = new SiteSample(classifier.model());
        if (!site.measurable() || films.size() < SiteShiftReference.MIN_FILMS) {
            return null;
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        ImageLoader loader = new ImageLoader();
        List<Path> order = interleaved(spread(films, SAMPLE), CHUNKS);
        for (int from = 0; from < order.size() && onTime(start, deadline, from); from += CHUNK) {
            List<float[]> inputs = order.subList(from, Math.min(order.size(), from + CHUNK)).parallelStream()
                    .map(f -> {
                        try {
                            LoadedImage image = loader.load(f);
                            float[] input = classifier.preprocessor().toInput(image.pixels());
                            reads.read(f, image, input);
                            return input;
                        } catch (ImageLoadException | OutOfMemoryError e) {
                            return null;
                        }
                    }).filter(Objects::nonNull).toList();
            if (!inputs.isEmpty()) {
                classifier.run(inputs, site);
            }
        }
        return judgedOrNull(site);
    }

    /**
     * The verdict on films already prepared as model inputs, taken together (in batches of 64); null when the model
     * has no site-shift reference or too few of them pass one at a time.
     */
    public static SiteShift ofInputs(Classifier classifier, List<float[]> inputs) {
        SiteSample site = new SiteSample(classifier.model());
        if (!site.measurable()) {
            return null;
        }
        for (int from = 0; from < inputs.size(); from += BATCH) {
            classifier.run(inputs.subList(from, Math.min(inputs.size(), from + BATCH)), site);
        }
        return judgedOrNull(site);
    }

    private static SiteShift judgedOrNull(SiteSample site) {
        SiteShift shift = site.worst();
        return shift != null && shift.judged() ? shift : null;
    }

    /**
     * Whether to read on, {@code read} films in: not past the deadline, and, at the pace so far, able to reach the
     * films a verdict needs before it (else the time spent would buy nothing).
     */
    private static boolean onTime(long start, long deadline, int read) {
        long now = System.nanoTime();
        if (now >= deadline) {
            return false;
        }
        if (read == 0) {
            return true;
        }
        double perFilm = (double) (now - start) / read;
        return read + (deadline - now) / perFilm >= SiteShiftReference.MIN_FILMS;
    }

    /** {@code files} reordered so that each consecutive part of {@code parts} spans the whole list. */
    static List<Path> interleaved(List<Path> files, int parts) {
        List<Path> out = new ArrayList<>(files.size());
        for (int start = 0; start < parts; start++) {
            for (int i = start; i < files.size(); i += parts) {
                out.add(files.get(i));
            }
        }
        return out;
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
