package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.Dcmtk;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModel;

/** One bad file never ends a batch: bombs and a cut JPEG among good films each get one line (issue 25, item 4). */
class ClassifyHostileBatchTest {
    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void tinyModel() throws Exception {
        model = TinyModel.write(shared.resolve("tiny.zip"));
    }

    @Test
    void bombsAndACutJpegAreSkippedAndEveryGoodFilmIsClassified() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("films"));
        for (String name : List.of("COVID-1.png", "Normal-1.png", "COVID-1-16bit.png")) {
            Files.copy(SharedData.samples().resolve(name), folder.resolve(name));
        }
        Files.write(folder.resolve("bomb-rgba16.png"), ImageFixtures.pngHeaderOnly(14_000, 14_000, 16, 6));
        byte[] small = ImageFixtures.encode(ImageFixtures.grayNoise(16, 16, 1), "jpeg");
        Files.write(folder.resolve("bomb.jpg"), ImageFixtures.withJpegSize(small, 16_000, 12_000));
        BufferedImage film = ImageIO.read(SharedData.samples().resolve("Normal-1.png").toFile());
        byte[] jpeg = ImageFixtures.encode(film, "jpeg");
        Files.write(folder.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Path dicom = Dcmtk.uncompressedRamp(dir, "bomb.dcm");
        Dcmtk.modify(dicom, "(0028,0010)=65535", "(0028,0011)=65535");
        Files.move(dicom, folder.resolve("bomb.dcm"));

        int code = LungLensCommand.run("classify", "--model", model.toString(), folder.toString());

        assertThat(code).isEqualTo(1);
        assertThat(console.out().lines().toList()).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains(".png,"));
        List<String> errors = console.err().lines().toList();
        assertThat(errors).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("lunglens: " + folder)
                .doesNotContain("Exception").doesNotContain("\tat "));
        assertThat(console.err()).contains("bomb-rgba16.png: image too large to open safely")
                .contains("bomb.jpg: image too large to open safely")
                .contains("bomb.dcm: image too large (65535 x 65535 px")
                .contains("cut.jpg: the JPEG data is truncated or corrupt");
    }
}
