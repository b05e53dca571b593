package org.lunglens.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ClassScores;
import org.lunglens.model.LabelledImage;

/** Case sets from folders and CSVs, seeded balanced samples, and the quiz score without a toolkit. */
class CaseSetAndScoreTest {
    @TempDir
    Path tmp;

    private Path folder(int covid, int normal, int viral) throws IOException {
        for (var e : Map.of("COVID", covid, "Normal", normal, "Viral_Pneumonia", viral).entrySet()) {
            Path d = Files.createDirectories(tmp.resolve("set").resolve(e.getKey()));
            for (int i = 0; i < e.getValue(); i++) {
                Files.write(d.resolve(e.getKey() + "-" + i + ".png"), new byte[] {1});
            }
        }
        return tmp.resolve("set");
    }

    @Test
    void aSampleIsBalancedAndRepeatableWithItsSeed() throws IOException {
        CaseSet set = CaseSet.fromFolder(folder(30, 90, 12));
        assertThat(set.classes()).containsExactly("COVID", "Normal", "Viral_Pneumonia");
        assertThat(set.counts()).containsEntry("Normal", 90);
        List<LabelledImage> a = set.sample(10, 42);
        Map<String, Long> perClass = a.stream().collect(Collectors.groupingBy(LabelledImage::folder, Collectors.counting()));
        assertThat(perClass.values()).allMatch(n -> n == 3 || n == 4);
        assertThat(a).doesNotHaveDuplicates();
        assertThat(set.sample(10, 42)).isEqualTo(a);
        assertThat(set.sample(10, 43)).isNotEqualTo(a);
        // A small class gives what it has; the others fill the quiz.
        List<LabelledImage> big = set.sample(60, 1);
        assertThat(big).hasSize(60).filteredOn(i -> i.folder().equals("Viral_Pneumonia")).hasSize(12);
    }

    @Test
    void aCsvOfPathAndLabelIsACaseSetAndAMissingFileIsRefused() throws IOException {
        folder(2, 2, 0);
        Path csv = tmp.resolve("set/lesson.csv");
        Files.writeString(csv, "path,label\nCOVID/COVID-0.png,COVID\n\"Normal/Normal-1.png\",Normal\n");
        CaseSet set = CaseSet.fromCsv(csv.getParent(), csv);
        assertThat(set.name()).isEqualTo("lesson");
        assertThat(set.classes()).containsExactly("COVID", "Normal");
        assertThat(set.cases()).extracting(LabelledImage::file).containsExactly(tmp.resolve("set/COVID/COVID-0.png"),
                tmp.resolve("set/Normal/Normal-1.png"));
        Files.writeString(csv, "COVID/nothing.png,COVID\n");
        assertThatThrownBy(() -> CaseSet.fromCsv(csv.getParent(), csv)).hasMessageContaining("line 1")
                .hasMessageContaining("not found");
    }

    @Test
    void aCsvPathWithACommaAQuoteAndANewlineIsOneCase() throws IOException {
        Path odd = Files.createDirectories(tmp.resolve("set/COVID")).resolve("a, \"b\"\nc.png");
        Files.write(odd, new byte[] {1});
        Path csv = tmp.resolve("set/odd.csv");
        Files.writeString(csv, "path,label\n\"COVID/a, \"\"b\"\"\nc.png\",COVID\n");

        assertThat(CaseSet.fromCsv(csv.getParent(), csv).cases()).extracting(LabelledImage::file).containsExactly(odd);
    }

    @Test
    void anErrorNamesItsLineCountingBlankLines() throws IOException {
        folder(1, 0, 0);
        Path csv = tmp.resolve("set/lesson.csv");
        Files.writeString(csv, "path,label\n\nCOVID/COVID-0.png,COVID\n  \nCOVID/nothing.png,COVID\n");

        assertThatThrownBy(() -> CaseSet.fromCsv(csv.getParent(), csv)).hasMessageContaining("line 5")
                .hasMessageContaining("not found");
    }

    @Test
    void theScoreCountsReaderAiAndAgreementInTheModelsClasses() {
        List<String> binary = List.of("COVID", "non-COVID");
        List<QuizAnswer> answers = List.of(
                answer(1, "COVID", "COVID", new float[] {0.9f, 0.1f}),      // reader right, AI right, agree
                answer(2, "Normal", "Viral_Pneumonia", new float[] {0.2f, 0.8f}), // reader wrong, AI right, agree
                answer(3, "Normal", "Normal", new float[] {0.7f, 0.3f}),    // reader right, AI wrong, disagree
                answer(4, "COVID", "Normal", new float[] {0.4f, 0.6f}));    // reader wrong, AI wrong, agree
        QuizScore s = QuizScore.of(answers, List.of("COVID", "Normal", "Viral_Pneumonia"));
        assertThat(s.readerText()).isEqualTo("2 / 4 (50 %)");
        assertThat(s.aiText()).isEqualTo("2 / 4 (50 %)");
        assertThat(s.agreementText()).isEqualTo("3 / 4 (75 %)");
        assertThat(s.count("Normal", "Viral_Pneumonia")).isEqualTo(1);
        assertThat(s.count("COVID", "COVID")).isEqualTo(1);
        assertThat(AiOpinion.modelClass(binary, true, "Viral Pneumonia")).isEqualTo("non-COVID");
        assertThat(AiOpinion.modelClass(List.of("COVID", "Normal", "Viral_Pneumonia"), false, "viral pneumonia"))
                .isEqualTo("Viral_Pneumonia");
    }

    private static QuizAnswer answer(int n, String truth, String read, float[] p) {
        return new QuizAnswer(n, Path.of(n + ".png"), truth, read, 0.8, AiOpinion.of("m",
                new ClassScores(List.of("COVID", "non-COVID"), p), true, truth, read));
    }
}
