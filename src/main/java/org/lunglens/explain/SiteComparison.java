package org.lunglens.explain;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.SiteSampling;
import org.lunglens.model.SiteShift;

/**
 * The "shortcut learning" lesson: one model on films like its training data and on another site's films, side
 * by side. For each side, how many films it calls COVID, how many its familiarity check flags, how many of its
 * COVID calls rest on heat mostly outside the chest ({@link HeatCheck}), whether its films taken together are
 * unlike the training films ({@link SiteShift}), and a few films with the Grad-CAM of their predicted class to show. A model that
 * learned the hospital instead of the disease (DeGrave et al., Nature Machine Intelligence 2021) looks excellent
 * on the first side and calls the second side's normal films COVID.
 */
public final class SiteComparison {
    /**
     * A side's figures and its example films.
     *
     * @param heatOutside films called COVID whose COVID heatmap lies mostly outside the chest or on the border
     * @param siteShift   the side's films taken together against the training films; null when the model has no
     *                    site-shift reference or too few films passed one at a time to judge
     */
    public record Side(String name, int films, int unreadable, int calledCovid, int unfamiliar, int heatOutside,
                       SiteShift siteShift, List<Example> examples) {
        public double share(int count) {
            return films == 0 ? Double.NaN : (double) count / films;
        }
    }

    /** One film of a side: the analysis, where its heat lies and the film drawn with its heatmap. */
    public record Example(Path file, Analysis analysis, HeatCheck check, BufferedImage view) {
    }

    private final ModelSession session;
    private final int maxFilms;
    private final int examples;
    private final long seed;

    /**
     * @param maxFilms films drawn at random from each side (all of a smaller side): the lesson should take
     *                 seconds, and a hundred films already show the pattern
     * @param examples films shown with their heatmaps per side
     */
    public SiteComparison(ModelSession session, int maxFilms, int examples, long seed) {
        this.session = session;
        this.maxFilms = maxFilms;
        this.examples = examples;
        this.seed = seed;
    }

    /** Runs the model over one side's films; stops early (with what it has) when {@code cancelled} says so. */
    public Side side(String name, List<Path> files, ProgressListener progress, BooleanSupplier cancelled) {
        List<Path> drawn = new ArrayList<>(files);
        Collections.shuffle(drawn, new Random(seed));
        drawn = drawn.subList(0, Math.min(maxFilms, drawn.size()));
        ImageLoader loader = new ImageLoader();
        int covidIndex = session.info().metadata().classes().indexOf(ModelMetadata.COVID);
        int films = 0;
        int unreadable = 0;
        int covid = 0;
        int unfamiliar = 0;
        int outside = 0;
        List<Example> shown = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (Path file : drawn) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            PixelData pixels;
            try {
                pixels = loader.load(file).pixels();
            } catch (ImageLoadException e) {
                unreadable++;
                continue;
            }
            Analysis a = session.analyse(pixels, -1); // the map of the class it called
            HeatCheck check = a.heatmap() == null ? null : HeatCheck.of(a.heatmap(), a.input(), a.inputSize());
            films++;
            inputs.add(a.input());
            boolean calledCovid = a.prediction().predictedIndex() == covidIndex;
            covid += calledCovid ? 1 : 0;
            unfamiliar += a.prediction().unfamiliar() ? 1 : 0;
            outside += calledCovid && check != null && check.warns() ? 1 : 0;
            if (shown.size() < examples) {
                BufferedImage view = HeatmapRenderer.grayImage(pixels, 256);
                if (a.heatmap() != null) {
                    view = HeatmapRenderer.overlay(view, a.heatmap(), OverlayStyle.DEFAULT);
                }
                shown.add(new Example(file, a, check, view));
            }
            progress.progress(films + unreadable, drawn.size(), name);
        }
        return new Side(name, films, unreadable, covid, unfamiliar, outside, takenTogether(inputs),
                List.copyOf(shown));
    }

    /**
     * The films' verdict as a group, the lesson's last point: a site whose films each pass the per-film check can
     * still be plainly unlike the training films, taken together.
     */
    private SiteShift takenTogether(List<float[]> inputs) {
        return SiteSampling.ofInputs(session.classifier(), inputs);
    }
}
