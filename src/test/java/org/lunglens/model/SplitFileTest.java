package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split files: the ones committed beside the models read and write back as before; odd paths survive. */
class SplitFileTest {
    private static final Path COMMITTED = Path.of("models/covid-binary.split.csv");
    private static final Path DATA = org.lunglens.testutil.SharedData.radiography();

    @TempDir
    Path tmp;

    private static Split committed() throws Exception {
        return new Split(Split.readSet(COMMITTED, DATA, Split.TRAIN), Split.readSet(COMMITTED, DATA, Split.VALIDATION),
                Split.readSet(COMMITTED, DATA, Split.TEST));
    }

    @Test
    void theCommittedSplitHasItsFilmsPerSetAndClass() throws Exception {
        Split split = committed();

        // Counted with the reader before commons-csv (split(",", 3)), and by awk on the file
        assertThat(Split.countByClass(split.train()))
                .isEqualTo(Map.of("COVID", 2687, "Normal", 7664, "Viral_Pneumonia", 1006));
        Map<String, Integer> heldOut = Map.of("COVID", 336, "Normal", 958, "Viral_Pneumonia", 126);
        assertThat(Split.countByClass(split.validation())).isEqualTo(heldOut);
        assertThat(Split.countByClass(split.test())).isEqualTo(heldOut);
        assertThat(split.train().get(0))
                .isEqualTo(new LabelledImage(DATA.resolve("COVID/COVID-2909.png"), "COVID", "file:COVID/COVID-2909.png"));
    }

    @Test
    void theCommittedSplitWritesBackByteForByte() throws Exception {
        Path rewritten = tmp.resolve("rewritten.split.csv");

        committed().write(rewritten, DATA);

        assertThat(Files.mismatch(rewritten, COMMITTED)).as("first differing byte").isEqualTo(-1L);
    }

    @Test
    void aPathWithACommaAQuoteAndANewlineComesBackWhole() throws Exception {
        LabelledImage odd = new LabelledImage(tmp.resolve("COVID/a, \"b\"\nc.png"), "COVID", "file:odd");
        Path file = tmp.resolve("odd.split.csv");

        new Split(List.of(), List.of(), List.of(odd)).write(file, tmp);
        Files.createDirectories(odd.file().getParent());
        Files.createFile(odd.file());

        assertThat(Split.readSet(file, tmp, Split.TEST)).extracting(LabelledImage::file).containsExactly(odd.file());
        assertThat(Files.readString(file)).isEqualTo("set,class,path\ntest,COVID,\"COVID/a, \"\"b\"\"\nc.png\"\n");
    }

    @Test
    void aFileWrittenBeforePathsWereQuotedKeepsAPathsCommas() throws Exception {
        Path file = tmp.resolve("old.split.csv");
        Files.writeString(file, "set,class,path\ntest,COVID,COVID/a,b.png\n");
        Files.createDirectories(tmp.resolve("COVID"));
        Files.createFile(tmp.resolve("COVID/a,b.png"));

        assertThat(Split.readSet(file, tmp, Split.TEST)).extracting(LabelledImage::file)
                .containsExactly(tmp.resolve("COVID/a,b.png"));
    }

    @Test
    void aFilmTheFolderLacksIsAnErrorThatNamesIt() throws Exception {
        Path file = tmp.resolve("gone.split.csv");
        Files.writeString(file, "set,class,path\ntest,Normal,Normal/here.png\ntest,Normal,Normal/gone.png\n"
                + "validation,Normal,Normal/gone-too.png\n");
        Files.createDirectories(tmp.resolve("Normal"));
        Files.createFile(tmp.resolve("Normal/here.png"));

        assertThatThrownBy(() -> Split.readSet(file, tmp, Split.TEST)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("1 of the 2 test films").hasMessageContaining("Normal/gone.png");
    }
}
