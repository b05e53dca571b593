package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** {@code lunglens sitecheck DIR}: a department's folder of films, with and without class sub-folders. */
class SiteCheckCommandTest {
    @TempDir
    static Path tmp;
    private static Path model;
    private static Path data;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 12, TinyModels.CLASSES);
        model = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models/tiny.zip"), 2);
    }

    @Test
    void reportsFilmsFlagsCallsAndWithClassFoldersTheFigures() throws Exception {
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png", data.resolve("blank.png").toFile());
        Path json = tmp.resolve("site.json");
        Path plots = tmp.resolve("plots");

        int code = LungLensCommand.run("sitecheck", data.toString(), "--model", model.toString(), "--json",
                json.toString(), "--plots", plots.toString());

        assertThat(code).as(console.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("n").asInt()).isEqualTo(37);
        assertThat(r.get("calls").get("COVID").asInt() + r.get("calls").get("non-COVID").asInt()).isEqualTo(37);
        assertThat(r.get("unfamiliarFraction").asDouble()).isBetween(1 / 37.0, 1.0); // the blank film at least
        assertThat(r.get("leastFamiliar").get(0).get("path").asText()).endsWith("blank.png");
        // The blank film at the top has no label; the 36 in class folders are evaluated
        assertThat(r.get("evaluation").get("n").asInt()).isEqualTo(36);
        assertThat(plots.resolve("tiny-sitecheck-pcovid.png")).isNotEmptyFile();
        assertThat(console.out()).contains("flagged unfamiliar").contains("least familiar films").contains("site shift: ");
        // Films of the training folders, enough of them to judge: the group is like the training films
        assertThat(r.get("siteShift").get("films").asInt()).isEqualTo(37);
        assertThat(r.get("siteShift").get("judged").asBoolean()).isTrue();
        assertThat(r.get("siteShift").get("nearestMixture").size()).isEqualTo(TinyModels.CLASSES.size());
    }

    @Test
    void aFolderWithoutClassFoldersIsCheckedWithoutFigures() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site-flat"));
        try (var files = Files.list(SharedData.root().resolve("tuberculosis-128/Tuberculosis"))) {
            for (Path f : files.sorted().limit(5).toList()) {
                Files.copy(f, site.resolve(f.getFileName()));
            }
        }
        Path json = tmp.resolve("flat.json");

        int code = LungLensCommand.run("sitecheck", site.toString(), "--model", model.toString(), "--json", json.toString());

        assertThat(code).as(console.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("n").asInt()).isEqualTo(5);
        assertThat(r.has("evaluation")).isFalse();
        // Five films say too little about a site
        assertThat(r.get("siteShift").get("judged").asBoolean()).isFalse();
        assertThat(console.out()).contains("site shift: not judged (5 films; it takes at least 30)");
    }
}
