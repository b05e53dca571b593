package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Two images of the same file name from different folders never share an output file. */
class OutputNamesTest {
    @Test
    void sameFileNameGetsANumberedSecondName() {
        OutputNames names = new OutputNames("gradcam");

        assertThat(names.next(Path.of("a/COVID-1.png"))).isEqualTo("COVID-1-gradcam.png");
        assertThat(names.next(Path.of("b/COVID-1.png"))).isEqualTo("COVID-1-gradcam-2.png");
        assertThat(names.next(Path.of("c/COVID-1.jpg"))).isEqualTo("COVID-1-gradcam-3.png");
        assertThat(names.next(Path.of("Normal 2.png"))).isEqualTo("Normal 2-gradcam.png");
    }
}
