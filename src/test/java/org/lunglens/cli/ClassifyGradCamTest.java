package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ColorMap;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** {@code classify --gradcam DIR}: one overlay PNG per image, drawn exactly as the core renders it. */
class ClassifyGradCamTest {
    @TempDir
    static Path tmp;
    private static Path model;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 14, TinyModels.CLASSES);
        model = TinyModels.train(data, "multiclass", tmp.resolve("models/tiny.zip"), 2);
    }

    @Test
    void writesOneOverlayPerImageIdenticalToTheCoreRendering() throws Exception {
        Path covid = SharedData.samples().resolve("COVID-1.png");
        Path normal = SharedData.samples().resolve("Normal-1-16bit.png");
        Path dir = tmp.resolve("heat");

        int code = LungLensCommand.run("classify", "--model", model.toString(), "--gradcam", dir.toString(),
                "--colormap", "VIRIDIS", "--opacity", "0.6", "--threshold", "0.1", covid.toString(), normal.toString());

        assertThat(code).as(console.err()).isZero();
        assertThat(console.out().lines()).hasSize(2).allMatch(l -> l.split(",").length == 7); // + unfamiliar, score
        assertThat(console.err()).contains("timing (2 images").contains("Grad-CAM median");
        assertThat(dir.resolve("COVID-1-gradcam.png")).exists();
        assertThat(dir.resolve("Normal-1-16bit-gradcam.png")).exists();

        // The PNG's top is the film with the heatmap, pixel for pixel what the shared renderer draws.
        PixelData pixels = new ImageLoader().load(covid).pixels();
        Analysis a = ModelSession.open(model).analyse(pixels, -1);
        OverlayStyle style = new OverlayStyle(ColorMap.VIRIDIS, 0.6, 0.1);
        BufferedImage expected = HeatmapRenderer.overlay(HeatmapRenderer.grayImage(pixels, 512), a.heatmap(), style);
        BufferedImage written = ImageIO.read(dir.resolve("COVID-1-gradcam.png").toFile());
        assertThat(written.getHeight()).isGreaterThan(expected.getHeight());
        int left = (written.getWidth() - expected.getWidth()) / 2;
        for (int y = 0; y < expected.getHeight(); y += 7) {
            for (int x = 0; x < expected.getWidth(); x += 7) {
                assertThat(written.getRGB(left + x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @Test
    void anUnknownClassToExplainIsRefused() {
        int code = LungLensCommand.run("classify", "--model", model.toString(), "--gradcam", tmp.resolve("x").toString(),
                "--explain", "Lung_Opacity", SharedData.samples().resolve("COVID-1.png").toString());
        assertThat(code).isEqualTo(1);
        assertThat(console.err()).contains("Lung_Opacity").contains("COVID, Normal, Viral_Pneumonia");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
