package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.SharedData;

/**
 * A JPEG cut short decodes "successfully" with gray where the data ended, and was classified as if whole (COVID
 * 0.957 at 9% of its length). It is refused now (issue 25, item 3).
 */
class TruncatedJpegTest {
    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    private byte[] realJpeg() throws Exception {
        BufferedImage film = ImageIO.read(SharedData.samples().resolve("COVID-1.png").toFile());
        return ImageFixtures.encode(film, "jpeg");
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 50, 90})
    void aCutJpegIsRefused(int percent) throws Exception {
        byte[] jpeg = realJpeg();
        Path cut = Files.write(dir.resolve("cut-" + percent + ".jpg"),
                Arrays.copyOf(jpeg, jpeg.length * percent / 100));

        assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(cut + ": the ")
                .hasMessageContaining("truncated")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theWholeJpegOpens() throws Exception {
        Path whole = Files.write(dir.resolve("whole.jpg"), realJpeg());

        LoadedImage image = loader.load(whole);

        assertThat(image.format()).isEqualTo("JPEG");
        assertThat(image.pixels().width()).isEqualTo(224);
    }
}
