package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;

/** AdaBN on a tiny batch-norm CNN: after adaptation, each batch norm centres the site's own films. */
class SiteAdaptationTest {
    @TempDir
    Path tmp;

    @Test
    void everyBatchNormNormalisesTheSitesFilms() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 10, List.of("COVID", "Normal", "Viral_Pneumonia"));
        Path out = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("m/bn.zip"), 1);
        LoadedModel model = ModelFile.load(out);
        List<float[]> site;
        ImageLoader loader = new ImageLoader();
        try (Stream<Path> files = Files.list(SharedData.root().resolve("tuberculosis-128/Tuberculosis"))) {
            site = files.sorted().limit(30).map(f -> {
                try {
                    return model.preprocessor().toInput(loader.load(f).pixels());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        MultiLayerNetwork adapted = SiteAdaptation.adapt(model.network(), site, 32);

        // The first batch norm (layer 1) at inference: per channel, its output over the site's films has mean beta
        INDArray x = InputTensors.of(site, 32);
        INDArray bnIn = adapted.feedForwardToLayer(0, x, false).get(1);
        INDArray bnOut = adapted.getLayer(1).activate(bnIn, false, LayerWorkspaceMgr.noWorkspaces());
        INDArray beta = adapted.getLayer(1).getParam("beta");
        long channels = bnOut.size(1);
        INDArray means = bnOut.permute(1, 0, 2, 3).dup('c').reshape(channels, -1).mean(1);
        for (int c = 0; c < channels; c++) {
            assertThat(means.getDouble(c)).as("channel " + c).isCloseTo(beta.getDouble(c), within(1e-3));
        }
        // The parent is untouched
        assertThat(model.network().params().equalsWithEps(adapted.params(), 1e-9)).isFalse();
        assertThat(ModelFile.load(out).network().params().equalsWithEps(model.network().params(), 0)).isTrue();

        FamiliarityDetector check = SiteAdaptation.refitFamiliarity(adapted, site, 32, "tb");
        assertThat(check.fittedOn()).contains("24 films of tb");
    }

    @Test
    void aSampleLikeTheTrainingFilmsOfItsMixLeavesTheModelAsItWas() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 10, List.of("COVID", "Normal", "Viral_Pneumonia"));
        Path out = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("m/bn.zip"), 1);
        LoadedModel model = ModelFile.load(out);
        assertThat(model.metadata().batchNormReference()).as("train stores it; the file keeps it")
                .isNotNull().satisfies(r -> assertThat(r.layers()).isNotEmpty());
        List<float[]> normals = films(model, SharedData.root().resolve("covid19-radiography-128/Normal"), 24);
        int negative = model.metadata().classes().indexOf("non-COVID");
        int[] labels = new int[normals.size()];
        java.util.Arrays.fill(labels, negative);
        // The reference of exactly these films: the site's films of that class are the training films of that class
        BatchNormReference reference = BatchNormReference.fit(model.network(), model.metadata().classes(), normals,
                labels, 32);
        double[] allNegative = new double[2];
        allNegative[negative] = 1;

        MultiLayerNetwork mixed = SiteAdaptation.adaptToMix(model.network(), normals, 32, reference, allNegative);
        MultiLayerNetwork plain = SiteAdaptation.adapt(model.network(), normals, 32);

        INDArray x = InputTensors.of(normals, 32);
        INDArray before = model.network().output(x, false);
        assertThat(mixed.output(x, false).equalsWithEps(before, 1e-4)).as("nothing to correct").isTrue();
        assertThat(plain.output(x, false).equalsWithEps(before, 1e-4)).as("plain AdaBN centres on the sample")
                .isFalse();
    }

    private static List<float[]> films(LoadedModel model, Path folder, int n) throws Exception {
        ImageLoader loader = new ImageLoader();
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().limit(n).map(f -> {
                try {
                    return model.preprocessor().toInput(loader.load(f).pixels());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
