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
    void withoutAModelItAdaptsTheDefaultsOwnNetworkNotTheCombinedDefault() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 8, TinyModels.CLASSES);
        Path models = tmp.resolve("models");
        Path network = TinyModels.trainWithBatchNorm(data, "binary", models.resolve(BundledModels.EQUALIZED), 1);
        Path partner = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("partner/partner.zip"), 1);
        Files.copy(network.resolveSibling("covid-equalized.split.csv"), partner.resolveSibling("partner.split.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Combiner.combine(network, List.of(partner), data, models.resolve(BundledModels.TWO_RESOLUTIONS), "combine",
                ProgressListener.NONE);
        Path out = tmp.resolve("adapted/site.zip");

        SystemPropertyOverride property = SystemPropertyOverride.set("lunglens.models", models.toString());
        try {
            assertThat(BundledModels.defaultFileName()).isEqualTo(BundledModels.TWO_RESOLUTIONS);
            int code = LungLensCommand.run("adapt", "--data", SharedData.root().resolve("tuberculosis-128").toString(),
                    "--out", out.toString(), "--max-films", "40");

            assertThat(code).as(console.err()).isZero();
        } finally {
            property.restore();
        }
        Map<?, ?> adaptation = (Map<?, ?>) ModelFile.readMetadata(out).training().get("adaptation");
        assertThat(adaptation.get("parentSha256")).isEqualTo(ModelFile.sha256(network));
    }
}
