package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Combiner;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.ProgressListener;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.SystemPropertyOverride;
import org.lunglens.testutil.TinyModels;

/** {@code lunglens adapt}: the adapted file names its source, film count, date and parent, and has a card. */
class AdaptCommandTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void writesTheAdaptedModelWithItsProvenanceAndRefusesTooFewFilms() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 8, TinyModels.CLASSES);
        Path parent = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models/tiny.zip"), 1);
        assertThat(ModelFile.readMetadata(parent).batchNormReference()).isNotNull();
        Path site = SharedData.root().resolve("tuberculosis-128");
        Path out = tmp.resolve("adapted/site.zip");

        int code = LungLensCommand.run("adapt", "--model", parent.toString(), "--data", site.toString(), "--out",
                out.toString(), "--max-films", "40");

        assertThat(code).as(console.err()).isZero();
        ModelMetadata meta = ModelFile.readMetadata(out);
        Map<?, ?> adaptation = (Map<?, ?>) meta.training().get("adaptation");
        assertThat(adaptation.get("films")).isEqualTo(40);
        assertThat(adaptation.get("parentSha256")).isEqualTo(ModelFile.sha256(parent));
        assertThat(adaptation.get("source").toString()).endsWith("tuberculosis-128");
        assertThat(adaptation.get("date")).isNotNull();
        assertThat(meta.familiarity()).isNotNull();
        assertThat(meta.metrics()).as("the parent's test record does not describe it").isEmpty();
        assertThat(Files.readString(out.resolveSibling("site.md"))).contains("described truly".substring(0, 0))
                .contains("--sample-mix").contains("non-COVID 100%");
        assertThat(adaptation.get("method").toString()).as("a department's films: no COVID unless said")
                .contains("a sample of non-COVID 100%");
        assertThat(console.out()).contains("before").contains("after");

        // A second run does not replace the file without --force; too few films are refused
        assertThat(LungLensCommand.run("adapt", "--model", parent.toString(), "--data", site.toString(), "--out",
                out.toString())).isEqualTo(2);
        assertThat(LungLensCommand.run("adapt", "--model", parent.toString(), "--data", site.toString(), "--out",
                tmp.resolve("few.zip").toString(), "--max-films", "5")).isEqualTo(1);
    }

    @Test
    void withoutAModelItAdaptsTheDefaultAndEachNetworkOfACombinedOne() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 8, TinyModels.CLASSES);
        Path models = tmp.resolve("models");
        Path network = TinyModels.trainWithBatchNorm(data, "binary", models.resolve(BundledModels.EQUALIZED), 1);
        Path partner = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("partner/partner.zip"), 1);
        Files.copy(network.resolveSibling("covid-equalized.split.csv"), partner.resolveSibling("partner.split.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Path combined = models.resolve(BundledModels.TWO_RESOLUTIONS);
        Combiner.combine(network, List.of(partner), data, combined, "combine", ProgressListener.NONE);
        Path out = tmp.resolve("adapted/site.zip");

        SystemPropertyOverride property = SystemPropertyOverride.set("lunglens.models", models.toString());
        try {
            assertThat(BundledModels.defaultFileName()).isEqualTo(BundledModels.TWO_RESOLUTIONS);
            int code = LungLensCommand.run("adapt", "--data", SharedData.root().resolve("tuberculosis-128").toString(),
                    "--out", out.toString(), "--max-films", "40");

            assertThat(code).as(console.err()).isZero();
            assertThat(console.err()).as("each network adapted for the sample's mix, the first one too")
                    .doesNotContain("no per-class batch-norm statistics");
        } finally {
            property.restore();
        }
        LoadedModel read = ModelFile.load(out);
        LoadedModel parent = ModelFile.load(combined);
        assertThat(read.isCombined()).isTrue();
        assertThat(read.networks()).hasSize(2);
        Map<?, ?> adaptation = (Map<?, ?>) read.metadata().training().get("adaptation");
        assertThat(adaptation.get("parentSha256")).isEqualTo(ModelFile.sha256(combined));
        assertThat(Files.readString(out.resolveSibling("site.md"))).contains("2 networks, each adapted");
        for (int n = 0; n < 2; n++) {
            LoadedModel a = read.networks().get(n);
            LoadedModel b = parent.networks().get(n);
            assertThat(a.metadata().version()).endsWith("+adapted");
            assertThat(a.metadata().training()).containsKey("adaptation");
            assertThat(a.metadata().familiarity().fittedOn()).as("its check refitted on the site's films")
                    .isNotEqualTo(b.metadata().familiarity().fittedOn());
            assertThat(a.network().params()).as("weights unchanged, batch-norm statistics moved")
                    .isNotEqualTo(b.network().params());
        }
        assertThat(Files.list(out.getParent()).map(f -> f.getFileName().toString()))
                .as("no partner files left beside it").containsExactlyInAnyOrder("site.zip", "site.md");
    }
}
