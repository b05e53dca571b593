package org.lunglens.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lunglens.model.Classifier;
import org.lunglens.model.SiteSample;
import org.lunglens.model.SiteSampling;
import org.lunglens.model.SiteShift;
import org.lunglens.model.SiteShiftReference;

/**
 * The site-shift verdicts on a {@code classify} run, reached before its first row is written so that every row can
 * carry its own: the films of one folder are read as one site's films, as {@code sitecheck} reads a department's
 * folder. Each folder with enough films is judged alone (a run over two hospitals' folders must not mark one
 * hospital's films for the other's shift); the films of smaller folders are judged together.
 */
final class RunSiteVerdict {
    /** A judged group: its name for the report, and its verdict. */
    record Group(String name, SiteShift shift) {
    }

    /**
     * Films read for a verdict, kept for the run so that none is decoded twice (a full-size film takes about half a
     * second a core): at most {@link #KEPT} of them, 64 KB each at 128 px.
     */
    static final int KEPT = 1024;

    private final Map<Path, DecodedFilm> read = new ConcurrentHashMap<>();
    private final Map<Path, Group> byFile = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();

    private final boolean keepReads;
    /** Films of the run that no verdict covers although the model could judge them (too few together). */
    private int unjudged;

    private RunSiteVerdict(boolean keepReads) {
        this.keepReads = keepReads;
    }

    /** No verdict for any film: the model has no site-shift reference, or the user asked for none. */
    static RunSiteVerdict none() {
        return new RunSiteVerdict(false);
    }

    /**
     * Judges {@code files}' folders; a file that fails to load is left out here (the run reports it). With
     * {@code keepReads}, the films read are kept for {@link #take}.
     */
    static RunSiteVerdict judge(Classifier classifier, List<Path> files, boolean keepReads) {
        RunSiteVerdict verdict = new RunSiteVerdict(keepReads);
        if (!new SiteSample(classifier.model()).measurable()) {
            return verdict;
        }
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        for (Path f : files) {
            byFolder.computeIfAbsent(folderOf(f), k -> new ArrayList<>()).add(f);
        }
        List<Path> pooled = new ArrayList<>();
        int smallFolders = 0;
        for (Map.Entry<Path, List<Path>> folder : byFolder.entrySet()) {
            if (folder.getValue().size() >= SiteShiftReference.MIN_FILMS) {
                verdict.add(folder.getKey().toString(), folder.getValue(), classifier);
            } else {
                pooled.addAll(folder.getValue());
                smallFolders++;
            }
        }
        if (pooled.size() >= SiteShiftReference.MIN_FILMS) {
            verdict.add(smallFolders + " smaller folders together", pooled, classifier);
        }
        verdict.unjudged = (int) files.stream().filter(f -> verdict.of(f) == null).count();
        return verdict;
    }

    /** Films the model could have judged as a site but that were too few (or too few readable) to judge. */
    int unjudged() {
        return unjudged;
    }

    /** The verdict that applies to {@code file}, or null where its films were too few to judge. */
    SiteShift of(Path file) {
        Group g = byFile.get(file);
        return g == null ? null : g.shift();
    }

    /** What was read of {@code file} for a verdict, handed over once (null: not read, or handed over already). */
    DecodedFilm take(Path file) {
        return read.remove(file);
    }

    /** The judged groups, in the run's order. */
    List<Group> groups() {
        return List.copyOf(groups);
    }

    private void add(String name, List<Path> films, Classifier classifier) {
        SiteShift shift = SiteSampling.judge(classifier, films, Duration.ofDays(1), (file, image, input) -> {
            if (keepReads && read.size() < KEPT) {
                read.put(file, new DecodedFilm(input, image.format(), image.acquisitionDate().orElse(null)));
            }
        });
        if (shift != null) {
            Group g = new Group(name, shift);
            groups.add(g);
            films.forEach(f -> byFile.put(f, g));
        }
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}
