package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.BundledModels;
import org.lunglens.model.Calibration;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;

/**
 * The bundled models predate calibration in their own metadata, so the AI tab reads it from the test report
 * beside them, and only when that report is this model's (same test confusion matrix).
 */
class ModelCalibrationSourceTest {
    private static final Path MODELS = Path.of("models");

    @TempDir
    Path dir;

    @Test
    void theBundledModelsGetTheirCalibrationFromTheirTestReport() throws Exception {
        Path model = MODELS.resolve(BundledModels.COMBINED);
        Calibration c = ModelSession.readCalibration(model, ModelFile.load(model).metadata());

        assertThat(c).isNotNull();
        // models/covid-combined.md: 1,367 of 1,377 films called with 90-100% were right
        assertThat(c.binOf(0.99f).count()).isEqualTo(1377);
        assertThat(c.binOf(0.99f).correct()).isEqualTo(1367);
    }

    @Test
    void anotherModelsReportIsIgnored() throws Exception {
        Path model = Files.copy(MODELS.resolve(BundledModels.BINARY), dir.resolve("covid-binary.zip"));
        ModelMetadata metadata = ModelFile.load(model).metadata();
        assertThat(ModelSession.readCalibration(model, metadata)).as("no report beside it").isNull();

        // The combined model's report has another confusion matrix: it must not speak for this model
        Files.copy(MODELS.resolve("covid-combined.test.json"), dir.resolve("covid-binary.test.json"));
        assertThat(ModelSession.readCalibration(model, metadata)).isNull();

        Files.copy(MODELS.resolve("covid-binary.test.json"), dir.resolve("covid-binary.test.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(ModelSession.readCalibration(model, metadata)).isNotNull();

        Files.writeString(dir.resolve("covid-binary.test.json"), "{ not json");
        assertThat(ModelSession.readCalibration(model, metadata)).as("unreadable: ignored, not fatal").isNull();
    }
}
