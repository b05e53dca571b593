package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** {@code classify --occlusion DIR}: one PNG per image, the occlusion map beside the Grad-CAM, and timing. */
class ClassifyOcclusionTest {
    @TempDir
    static Path tmp;
    private static Path model;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 14, TinyModels.CLASSES);
        model = TinyModels.train(data, "binary", tmp.resolve("models/tiny.zip"), 2);
    }

    @Test
    void writesTheOcclusionMapBesideTheGradCamForEveryImage() throws Exception {
        Path dir = tmp.resolve("occ");
        int code = LungLensCommand.run("classify", "--model", model.toString(), "--occlusion", dir.toString(),
                "--patch", "8", SharedData.samples().resolve("COVID-1.png").toString(),
                SharedData.samples().resolve("Normal-1.png").toString());
        String errors = console.err();
        assertThat(code).as(errors).isZero();
        assertThat(console.out().lines()).hasSize(2);
        assertThat(errors).contains("occlusion timing (2 images, occlusion, 8 px patch, stride 4");
        BufferedImage png = ImageIO.read(dir.resolve("COVID-1-occlusion.png").toFile());
        // two films of at least 512 px side by side, with a caption below
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(2 * 512);
        assertThat(png.getHeight()).isGreaterThan(512 + 100);
        assertThat(dir.resolve("Normal-1-occlusion.png")).exists();
    }

    @Test
    void gradCamAndOcclusionTogetherAreRefused() {
        int code = LungLensCommand.run("classify", "--model", model.toString(), "--occlusion", tmp.resolve("a").toString(),
                "--gradcam", tmp.resolve("b").toString(), SharedData.samples().resolve("COVID-1.png").toString());
        assertThat(code).isEqualTo(1);
        assertThat(console.err()).contains("not both");
    }
}
