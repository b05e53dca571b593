package org.lunglens.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.model.ProgressListener;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** The shortcut lesson's figures on a tiny model: own films beside tuberculosis films from other sources. */
class SiteComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void eachSideCountsItsFilmsCallsFlagsAndShowsExamples() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 10, TinyModels.CLASSES);
        ModelSession session = ModelSession.open(TinyModels.train(data, "binary", tmp.resolve("m/tiny.zip"), 1));
        List<Path> own = pngsUnder(data);
        List<Path> other = pngsUnder(SharedData.root().resolve("tuberculosis-128/Tuberculosis")).subList(0, 12);
        Path broken = Files.writeString(tmp.resolve("broken.png"), "not an image");
        SiteComparison lesson = new SiteComparison(session, 20, 3, 1);

        SiteComparison.Side a = lesson.side("own", own, ProgressListener.NONE, () -> false);
        SiteComparison.Side b = lesson.side("other", Stream.concat(other.stream(), Stream.of(broken)).toList(),
                ProgressListener.NONE, () -> false);

        assertThat(a.films()).isEqualTo(20);
        assertThat(b.films()).isEqualTo(12);
        assertThat(b.unreadable()).isEqualTo(1);
        for (SiteComparison.Side s : List.of(a, b)) {
            assertThat(s.calledCovid()).isBetween(0, s.films());
            assertThat(s.unfamiliar()).isBetween(0, s.films());
            assertThat(s.examples()).hasSize(3).allMatch(e -> e.view().getWidth() >= 256 && e.check() != null);
        }
        SiteComparison.Side stopped = lesson.side("stopped", own, ProgressListener.NONE, () -> true);
        assertThat(stopped.films()).as("cancelled before the first film").isZero();
    }

    @Test
    void anotherSitesFilmsTakenTogetherAreUnlikeTheTrainingFilmsThoughFewAreFlagged() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 12, TinyModels.CLASSES);
        ModelSession session = ModelSession.open(TinyModels.trainWithBatchNorm(data, "binary",
                tmp.resolve("m/tiny-bn.zip"), 2));
        List<Path> own = pngsUnder(data);
        List<Path> other = pngsUnder(SharedData.washedOutCopies(data, Files.createDirectories(tmp.resolve("w"))));
        SiteComparison lesson = new SiteComparison(session, 40, 1, 1);

        SiteComparison.Side a = lesson.side("own", own, ProgressListener.NONE, () -> false);
        SiteComparison.Side b = lesson.side("other", other, ProgressListener.NONE, () -> false);

        assertThat(a.siteShift()).isNotNull();
        assertThat(a.siteShift().shifted()).as(a.siteShift().describe()).isFalse();
        assertThat(b.siteShift().shifted()).as(b.siteShift().describe()).isTrue();
        assertThat(b.unfamiliar()).as("most pass one at a time").isLessThan(b.films() / 2);
        // Too few films to judge, or a model without the reference: no verdict, never a guess
        assertThat(lesson.side("few", own.subList(0, 10), ProgressListener.NONE, () -> false).siteShift()).isNull();
    }

    private static List<Path> pngsUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
