package org.lunglens.ui.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.app.DirectTaskExecutor;
import org.lunglens.app.InferenceService;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.BundledModels;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.SystemPropertyOverride;
import org.lunglens.testutil.TinyModel;
import org.lunglens.ui.viewer.ViewerModel;

/** The AI tab's state without a window: the model runs synchronously through a direct executor. */
class AiViewModelTest {
    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("lunglens-test-" + System.nanoTime());

    @AfterEach
    void clean() throws Exception {
        prefs.removeNode();
    }

    @Test
    void anOpenedFilmIsAnalysedOnceAndHandedToTheLog() throws Exception {
        Path models = dir.resolve("models");
        java.nio.file.Files.createDirectories(models);
        TinyModel.write(models.resolve(BundledModels.BINARY));
        SystemPropertyOverride property = SystemPropertyOverride.set("lunglens.models", models.toString());
        try {
            ViewerModel viewer = new ViewerModel();
            AiSettings settings = new AiSettings(prefs);
            settings.modelFileProperty().set(BundledModels.BINARY);
            AiViewModel state = new AiViewModel(viewer, settings, new InferenceService(new DirectTaskExecutor()));
            List<AiAnalysis> logged = new ArrayList<>();
            state.setOnAnalysis(logged::add);
            assertThat(state.statusProperty().get()).isEmpty();

            LoadedImage film = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png"));
            viewer.show(film, Histogram.of(film.pixels()));

            assertThat(state.analysisProperty().get()).isNotNull();
            assertThat(state.analysedImage()).isSameAs(film);
            assertThat(state.statusProperty().get()).isEmpty();
            assertThat(logged).singleElement().satisfies(a -> {
                assertThat(a.modelName()).isEqualTo(TinyModel.NAME);
                assertThat(a.scores().classes()).isEqualTo(TinyModel.CLASSES);
            });

            viewer.fail(dir.resolve("broken.png"), "not a film");
            assertThat(state.analysisProperty().get()).isNull();
            assertThat(state.statusProperty().get()).isEqualTo("No image open.");
        } finally {
            property.restore();
        }
    }

    @Test
    void aMissingModelSaysWhereItLooked() throws Exception {
        SystemPropertyOverride property = SystemPropertyOverride.set("lunglens.models", dir.toString());
        try {
            ViewerModel viewer = new ViewerModel();
            AiSettings settings = new AiSettings(prefs);
            settings.modelFileProperty().set("absent.zip");
            AiViewModel state = new AiViewModel(viewer, settings, new InferenceService(new DirectTaskExecutor()));

            LoadedImage film = new ImageLoader().load(SharedData.samples().resolve("COVID-1.png"));
            viewer.show(film, Histogram.of(film.pixels()));

            assertThat(state.analysisProperty().get()).isNull();
            assertThat(state.statusProperty().get()).contains("not found", "lunglens train");
        } finally {
            property.restore();
        }
    }
}
