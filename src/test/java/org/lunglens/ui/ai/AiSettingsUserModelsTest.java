package org.lunglens.ui.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.BundledModels;
import org.lunglens.testutil.SystemPropertyOverride;

/** A model adapted to the site, kept in the user's models folder, is offered beside the bundled ones. */
class AiSettingsUserModelsTest {
    @TempDir
    Path dir;

    @Test
    void userModelsFollowTheBundledOnesAndCheckpointsAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("site-adapted.zip"), "model");
        Files.writeString(dir.resolve("site-adapted.checkpoint.zip"), "checkpoint");
        Files.writeString(dir.resolve("notes.txt"), "not a model");
        SystemPropertyOverride folder = SystemPropertyOverride.set("lunglens.userModels", dir.toString());
        Preferences prefs = Preferences.userRoot().node("org/lunglens/test-user-models-" + System.nanoTime());
        try {
            AiSettings settings = new AiSettings(prefs);
            assertThat(settings.modelFiles()).startsWith(AiSettings.MODEL_FILES.toArray(String[]::new))
                    .endsWith("site-adapted.zip").doesNotContain("site-adapted.checkpoint.zip", "notes.txt");
            assertThat(BundledModels.find("site-adapted.zip")).contains(dir.resolve("site-adapted.zip"));

            prefs.put("model", "site-adapted.zip");
            assertThat(new AiSettings(prefs).modelFileProperty().get()).as("the choice is kept").isEqualTo("site-adapted.zip");
        } finally {
            prefs.removeNode();
            folder.restore();
        }
    }
}
