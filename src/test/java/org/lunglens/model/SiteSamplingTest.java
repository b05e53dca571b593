package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which of a folder's films the site verdict reads, and in what order. */
class SiteSamplingTest {
    private static List<Path> files(int n) {
        return IntStream.range(0, n).mapToObj(i -> Path.of(i + ".png")).toList();
    }

    @Test
    void theSampleSpreadsOverTheWholeFolder() {
        assertThat(SiteSampling.spread(files(1000), 4)).containsExactly(Path.of("0.png"), Path.of("250.png"),
                Path.of("500.png"), Path.of("750.png"));
        assertThat(SiteSampling.spread(files(3), 4)).hasSize(3);
    }

    @Test
    void everyChunkReadSpansTheFolderSoAnEarlyStopStillDoes() {
        List<Path> order = SiteSampling.interleaved(files(8), 4);
        assertThat(order).extracting(Path::toString).containsExactly("0.png", "4.png", "1.png", "5.png", "2.png",
                "6.png", "3.png", "7.png");
        assertThat(SiteSampling.interleaved(files(10), 4)).containsExactlyInAnyOrderElementsOf(files(10));
    }
}
