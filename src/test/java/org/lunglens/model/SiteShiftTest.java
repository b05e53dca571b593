package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/**
 * The site-shift check: the nearest mixture of the training groups, exact on a constructed case; on a tiny CNN
 * trained on real films, fitted by train and kept in the file, quiet on the training films and loud on the same
 * films inverted, which no single film's check is asked to notice as a group.
 */
class SiteShiftTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static Path modelFile;
    private static LoadedModel model;

    @BeforeAll
    static void train() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 30, TinyModels.CLASSES);
        modelFile = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("m/binary.zip"), 3);
        model = ModelFile.load(modelFile);
    }

    private static SiteShiftReference constructed() {
        double[] a = {1, 0, 0, 2};
        double[] b = {0, 1, 0, 2};
        double[] c = {0, 0, 1, 2};
        return new SiteShiftReference(List.of("A 1", "B 1", "C 1"), List.of("A", "B", "C"), List.of(10, 10, 10),
                List.of(1), List.of(a, b, c),
                new double[] {1, 1, 1, 1}, List.of(new SiteShiftReference.Threshold(30, 0.2),
                new SiteShiftReference.Threshold(100, 0.1)), "constructed");
    }

    @Test
    void aMixtureOfTheGroupsIsNoShiftAndItsSharesAreFound() {
        SiteShift s = constructed().measure(new double[] {0.3, 0.7, 0, 2}, 40);
        assertThat(s.distance()).isCloseTo(0, within(1e-9));
        assertThat(s.shares().get("A")).isCloseTo(0.3, within(1e-9));
        assertThat(s.shares().get("B")).isCloseTo(0.7, within(1e-9));
        assertThat(s.shares().get("C")).isCloseTo(0, within(1e-9));
        assertThat(s.shifted()).isFalse();
    }

    @Test
    void aSampleOffEveryMixtureIsShiftedByTheDistanceLeft() {
        // Off the shares' plane by 1 in the fourth feature: the RMS over 4 features is 0.5
        SiteShift s = constructed().measure(new double[] {0.5, 0.5, 0, 3}, 40);
        assertThat(s.distance()).isCloseTo(0.5, within(1e-9));
        assertThat(s.shifted()).isTrue();
        assertThat(s.describe()).startsWith("site shift: YES");
        // Outside the simplex (a negative share would fit): the nearest point on it is the answer
        assertThat(constructed().measure(new double[] {-1, 1, 1, 2}, 40).shifted()).isTrue();
    }

    @Test
    void aFolderOfThreeSourcesSplitsIntoThemAndASmallFolderStaysWhole() {
        java.util.Random random = new java.util.Random(1);
        List<double[]> films = new ArrayList<>();
        for (int source = 0; source < 3; source++) {
            for (int i = 0; i < 120; i++) {
                double[] f = new double[6];
                for (int j = 0; j < f.length; j++) {
                    f[j] = 10 * source * (j % 3 == source ? 1 : 0) + random.nextGaussian();
                }
                films.add(f);
            }
        }
        List<List<double[]>> clusters = FolderClusters.of(films);
        assertThat(clusters).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(120));
        assertThat(FolderClusters.of(films.subList(0, 150))).hasSize(1);
    }

    @Test
    void aFeatureEveryGroupSharesFarAboveItsSpreadChangesNothing() {
        // A feature that barely varies over the training films but is far from 0 (e.g. one a masked border keeps
        // constant): scaled by its spread it dwarfs how the groups differ; the normal equations went singular
        double[] a = {1, 0, 0, 2, 1e5};
        double[] b = {0, 1, 0, 2, 1e5};
        double[] c = {0, 0, 1, 2, 1e5};
        SiteShiftReference shared = new SiteShiftReference(List.of("A 1", "B 1", "C 1"), List.of("A", "B", "C"),
                List.of(10, 10, 10), List.of(1), List.of(a, b, c), new double[] {1, 1, 1, 1, 1e-3},
                List.of(new SiteShiftReference.Threshold(30, 0.2)), "constructed");

        SiteShift mixture = shared.measure(new double[] {0.3, 0.7, 0, 2, 1e5}, 40);
        SiteShift off = shared.measure(new double[] {0.5, 0.5, 0, 3, 1e5}, 40);

        assertThat(mixture.distance()).isCloseTo(0, within(1e-6));
        assertThat(mixture.shares().get("B")).isCloseTo(0.7, within(1e-6));
        // Off the plane by 1 in one of five features: RMS sqrt(1/5)
        assertThat(off.distance()).isCloseTo(Math.sqrt(0.2), within(1e-6));
    }

    @Test
    void nonNegativeLeastSquaresFindsTheConstrainedOptimum() {
        // min |x - b|^2 over x >= 0 with b = (1, -2, 3): x = (1, 0, 3)
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThat(NonNegativeLeastSquares.solve(identity, new double[] {1, -2, 3}))
                .containsExactly(new double[] {1, 0, 3}, within(1e-12));
    }

    @Test
    void theThresholdDependsOnTheSampleSizeAndTooFewFilmsAreNotJudged() {
        SiteShiftReference ref = constructed();
        assertThat(ref.thresholdFor(29)).isNaN();
        assertThat(ref.thresholdFor(30)).isEqualTo(0.2);
        assertThat(ref.thresholdFor(99)).isEqualTo(0.2);
        assertThat(ref.thresholdFor(5000)).isEqualTo(0.1);
        SiteShift few = ref.measure(new double[] {0.5, 0.5, 0, 3}, 12);
        assertThat(few.judged()).isFalse();
        assertThat(few.shifted()).isFalse();
        assertThat(few.describe()).contains("not judged");
    }

    @Test
    void aSampleMostlyFlaggedOneAtATimeIsShiftedWhateverItsDistance() {
        SiteShift mostly = new SiteShift(10, Double.NaN, Double.NaN, java.util.Map.of()).withFlagged(25);
        assertThat(mostly.judged()).isTrue();
        assertThat(mostly.shifted()).isTrue();
        assertThat(mostly.describe()).contains("25 of these 35 films are unlike the films the model learned from");
        // a few flagged among many that pass: the distance decides, as before
        SiteShift few = constructed().measure(new double[] {0.3, 0.7, 0, 2}, 40).withFlagged(5);
        assertThat(few.mostlyFlagged()).isFalse();
        assertThat(few.shifted()).isFalse();
        // under 30 in all: not judged, however many were flagged
        assertThat(new SiteShift(3, Double.NaN, Double.NaN, java.util.Map.of()).withFlagged(20).judged()).isFalse();
    }

    @Test
    void trainingFitsTheReferenceAndTheFileKeepsIt() throws Exception {
        SiteShiftReference ref = model.metadata().siteShift();
        assertThat(ref).isNotNull();
        assertThat(ref.groupFolders()).containsExactlyInAnyOrderElementsOf(TinyModels.CLASSES);
        assertThat(ref.thresholds()).extracting(SiteShiftReference.Threshold::distance).allMatch(d -> d > 0);

        Path copy = tmp.resolve("copy/binary.zip");
        ModelFile.save(model.network(), model.metadata(), copy, false);
        List<float[]> inputs = trainingInputs();
        assertThat(measure(ModelFile.load(copy), inputs)).isEqualTo(measure(model, inputs));
    }

    @Test
    void theTrainingFilmsAreNoShiftTheSameFilmsInvertedAre() throws Exception {
        List<float[]> inputs = trainingInputs();
        assertThat(inputs.size()).isGreaterThanOrEqualTo(SiteShiftReference.MIN_FILMS);
        SiteShift same = measure(model, inputs);
        assertThat(same.judged()).isTrue();
        assertThat(same.shifted()).as(same.describe()).isFalse();

        List<float[]> inverted = new ArrayList<>();
        for (float[] x : inputs) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 1 - x[i];
            }
            inverted.add(y);
        }
        SiteShift other = measure(model, inverted);
        assertThat(other.shifted()).as(other.describe()).isTrue();
    }

    @Test
    void anAdaptedModelCarriesNoReferenceOfItsParent() {
        assertThat(model.metadata().withSiteShift(null).siteShift()).isNull();
        assertThat(new SiteSample(new LoadedModel(modelFile, model.network(), model.metadata().withSiteShift(null)))
                .measurable()).isFalse();
    }

    @Test
    void anAdaptedModelJudgesFoldersAgainstTheSiteItWasAdaptedTo() throws Exception {
        // "The site": films of the data set with their grey values bent (gamma 2), as another hospital's
        // processing would; the model is adapted to 60 of them and its checks refitted on them
        List<LabelledImage> all = DataFolder.scan(SharedData.miniDataset(tmp.resolve("site"), 45, TinyModels.CLASSES)).images();
        InputCache cache = new InputCache(all, model.preprocessor(), ProgressListener.NONE);
        List<float[]> site = new ArrayList<>();
        List<float[]> asExported = new ArrayList<>();
        for (LabelledImage image : cache.readable(all)) {
            float[] x = cache.get(image.file());
            float[] bent = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                bent[i] = x[i] * x[i];
            }
            site.add(bent);
            asExported.add(x);
        }
        assertThat(site.size()).isGreaterThanOrEqualTo(SiteShiftFitter.SITE_MIN_FILMS + SiteShiftReference.MIN_FILMS);
        int size = model.metadata().preprocessing().size();
        List<float[]> adaptOn = site.subList(0, SiteShiftFitter.SITE_MIN_FILMS);
        var adapted = SiteAdaptation.adapt(model.network(), adaptOn, size);
        SiteShiftReference ref = SiteAdaptation.refitSiteShift(adapted, adaptOn, size, "the test's site");
        assertThat(ref).isNotNull();
        assertThat(ref.groupFolders()).containsOnly(SiteShiftFitter.SITE_GROUP);
        // 60 films: halves of 30 give a threshold for 30 films and none for larger samples (they use it)
        assertThat(ref.thresholds()).extracting(SiteShiftReference.Threshold::films)
                .containsExactly(SiteShiftReference.MIN_FILMS);
        // as `adapt` writes it: the familiarity check refitted on the site too (the parent's flags these films)
        LoadedModel adaptedModel = new LoadedModel(modelFile, adapted, model.metadata()
                .withFamiliarity(SiteAdaptation.refitFamiliarity(adapted, adaptOn, size, "the test's site"))
                .withSiteShift(ref));

        List<float[]> rest = site.subList(SiteShiftFitter.SITE_MIN_FILMS, site.size());
        SiteShift sameSite = measure(adaptedModel, rest);
        assertThat(sameSite.judged()).isTrue();
        assertThat(sameSite.shifted()).as(sameSite.describe()).isFalse();
        // the same films as exported, unbent: another site's processing, for this model now
        SiteShift otherSite = measure(adaptedModel, asExported.subList(SiteShiftFitter.SITE_MIN_FILMS, asExported.size()));
        assertThat(otherSite.shifted()).as(otherSite.describe()).isTrue();
        // every film flagged one at a time: still said against the site it was adapted to
        SiteSample none = new SiteSample(adaptedModel);
        new Classifier(adaptedModel).run(java.util.Collections.nCopies(40, new float[size * size]), none);
        assertThat(none.worst().mostlyFlagged()).isTrue();
        assertThat(none.worst().describe()).contains("unlike the films the model was adapted to");
        assertThat(SiteAdaptation.refitSiteShift(adapted, adaptOn.subList(0, SiteShiftFitter.SITE_MIN_FILMS - 1), size,
                "too few")).isNull();
    }

    @Test
    void aSampleSavedBeforeFlaggedFilmsWereCountedStillRestores() throws Exception {
        SiteSample site = new SiteSample(model);
        new Classifier(model).run(trainingInputs().subList(0, 40), site);
        SiteSample.Totals now = site.totals();
        // the app's saved samples before 2026-12-06 (late) had no "flagged" field
        String old = ModelFile.json().writeValueAsString(new SiteSample.Totals(now.sums(), now.films(), null))
                .replaceAll(",\\s*\"flagged\"\\s*:\\s*null", "");
        assertThat(old).doesNotContain("flagged");
        SiteSample restored = new SiteSample(model);
        restored.restore(ModelFile.json().readValue(old, SiteSample.Totals.class));
        assertThat(restored.worst().films()).isEqualTo(site.worst().films());
        assertThat(restored.worst().flagged()).isZero();
        assertThat(restored.worst().distance()).isEqualTo(site.worst().distance());
    }

    private static List<float[]> trainingInputs() throws Exception {
        List<LabelledImage> training = Split.readSet(Combiner.splitFileOf(modelFile), data, Split.TRAIN);
        InputCache cache = new InputCache(training, model.preprocessor(), ProgressListener.NONE);
        return cache.readable(training).stream().map(i -> cache.get(i.file())).toList();
    }

    private static SiteShift measure(LoadedModel m, List<float[]> inputs) {
        Classifier classifier = new Classifier(m);
        SiteSample site = new SiteSample(m);
        for (int from = 0; from < inputs.size(); from += 16) {
            classifier.run(inputs.subList(from, Math.min(inputs.size(), from + 16)), site);
        }
        return site.worst();
    }
}
