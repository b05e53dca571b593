package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.model.SiteShift;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.SystemPropertyOverride;
import org.lunglens.testutil.TinyModels;

/** The films a model has read count across runs of the app, each image once. */
class SiteSampleKeptTest {
    @TempDir
    static Path tmp;
    private static Path model;
    private static Path data;
    private static SystemPropertyOverride store;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 10, TinyModels.CLASSES);
        model = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("m/tiny.zip"), 1);
        store = SystemPropertyOverride.set("lunglens.siteSamples", tmp.resolve("site-samples").toString());
    }

    @AfterAll
    static void restore() {
        store.restore();
    }

    @Test
    void aSecondRunCountsTheFirstRunsFilmsAndNotTheSameImageTwice() throws Exception {
        // Training films: the film's own check passes them, so each joins the group (a flagged film would not)
        List<Path> films;
        Path another;
        try (var covid = Files.list(data.resolve("COVID"))) {
            List<Path> four = covid.sorted().limit(4).toList();
            films = four.subList(0, 3);
            another = four.get(3);
        }
        ImageLoader loader = new ImageLoader();
        ModelSession first = ModelSession.open(model);
        SiteShift shift = null;
        for (Path f : films) {
            Analysis a = first.analyse(loader.load(f).pixels(), -1);
            assertThat(a.prediction().unfamiliar()).as(f.toString()).isFalse();
            shift = first.addToSite(a);
        }
        assertThat(shift.films()).isEqualTo(3);
        assertThat(shift.judged()).isFalse();

        ModelSession second = ModelSession.open(model);
        assertThat(second.addToSite(second.analyse(loader.load(films.get(0)).pixels(), -1)).films())
                .as("an image read in the first run is not counted again").isEqualTo(3);
        assertThat(second.addToSite(second.analyse(loader.load(another).pixels(), -1)).films()).isEqualTo(4);
        // A corrupt store is a fresh start, not a failure
        try (var files = Files.list(tmp.resolve("site-samples"))) {
            Files.writeString(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow(), "{ not json");
        }
        assertThat(ModelSession.open(model).addToSite(second.analyse(loader.load(another).pixels(), -1)).films())
                .isEqualTo(1);
    }

    @Test
    void twoWindowsOpenAtOnceKeepEachOthersFilms() throws Exception {
        SystemPropertyOverride own = SystemPropertyOverride.set("lunglens.siteSamples",
                Files.createDirectories(tmp.resolve("two-windows")).toString());
        try {
            List<Path> films;
            try (var covid = Files.list(data.resolve("COVID"))) {
                films = covid.sorted().limit(3).toList();
            }
            ImageLoader loader = new ImageLoader();
            // Both load the (empty) kept sample before either has read a film, as two app windows started together
            ModelSession left = ModelSession.open(model);
            ModelSession right = ModelSession.open(model);

            left.addToSite(left.analyse(loader.load(films.get(0)).pixels(), -1));
            right.addToSite(right.analyse(loader.load(films.get(1)).pixels(), -1));
            SiteShift afterBoth = left.addToSite(left.analyse(loader.load(films.get(2)).pixels(), -1));

            // The last writer used to replace the other's film: 2 instead of 3
            assertThat(afterBoth.films()).isEqualTo(3);
            assertThat(ModelSession.open(model).addToSite(right.analyse(loader.load(films.get(1)).pixels(), -1))
                    .films()).as("a film either window read is not counted again").isEqualTo(3);
        } finally {
            own.restore();
        }
    }

    @Test
    void filmsReadHereAreJudgedOnThoseThatPassOneAtATime() throws Exception {
        // A teacher's odd files, each flagged on its own, are not a site: they never make the workstation's
        // films "shifted", however many (a folder mostly flagged is; SiteShiftTest)
        SystemPropertyOverride own = SystemPropertyOverride.set("lunglens.siteSamples",
                Files.createDirectories(tmp.resolve("odd-files")).toString());
        try {
            ModelSession session = ModelSession.open(model);
            java.util.Random random = new java.util.Random(3);
            SiteShift shift = null;
            for (int i = 0; i < 35; i++) {
                java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(64, 64,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        noise.getRaster().setSample(x, y, 0, random.nextInt(256));
                    }
                }
                Path f = tmp.resolve("odd-files/noise-" + i + ".png");
                javax.imageio.ImageIO.write(noise, "png", f.toFile());
                Analysis a = session.analyse(new ImageLoader().load(f).pixels(), -1);
                assertThat(a.prediction().unfamiliar()).isTrue();
                shift = session.addToSite(a);
            }
            assertThat(shift.films()).isZero();
            assertThat(shift.shifted()).isFalse();
        } finally {
            own.restore();
        }
    }
}
