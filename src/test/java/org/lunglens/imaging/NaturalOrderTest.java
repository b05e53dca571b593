package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void numbersSortByValueNotByText() {
        List<String> names = new ArrayList<>(List.of("film-100.png", "film-10.png", "film-2.png", "film-1.png",
                "Film-3.png", "film-02.png", "film-b.png"));
        Collections.shuffle(names, new java.util.Random(1));
        names.sort(NaturalOrder::compare);
        assertThat(names).containsExactly("film-1.png", "film-2.png", "film-02.png", "Film-3.png", "film-10.png",
                "film-100.png", "film-b.png");
    }

    @Test
    void pathsSortFolderByFolder() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("s10/a.png"), Path.of("s2/b.png"), Path.of("s2/a10.png"),
                Path.of("s2/a9.png")));
        paths.sort(NaturalOrder.PATHS);
        assertThat(paths).containsExactly(Path.of("s2/a9.png"), Path.of("s2/a10.png"), Path.of("s2/b.png"),
                Path.of("s10/a.png"));
    }

    @Test
    void longRunsOfDigitsDoNotOverflow() {
        assertThat(NaturalOrder.compare("x12345678901234567890", "x9")).isPositive();
    }
}
