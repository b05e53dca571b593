package org.lunglens.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.model.ClassScores;

/** The score CSV, byte for byte as the hand-written writer made it, quoting a path's comma, quote and newline. */
class QuizCsvTest {
    @TempDir
    Path tmp;

    @Test
    void writesCasesScoreAndConfusionTable() throws Exception {
        List<String> classes = List.of("COVID", "non-COVID");
        List<QuizAnswer> answers = List.of(
                new QuizAnswer(1, Path.of("/films/a, \"b\"\nc.png"), "COVID", "COVID", 0.8,
                        AiOpinion.of("m,1", new ClassScores(classes, new float[] {0.9f, 0.1f}), true, "COVID", "COVID")),
                new QuizAnswer(2, Path.of("/films/2.png"), "Normal", "COVID", 0.55, null));
        Path file = tmp.resolve("quiz.csv");

        QuizCsv.write(file, "lesson one", 42, answers, QuizScore.of(answers, List.of("COVID", "Normal")));

        assertThat(Files.readString(file)).isEqualTo(String.join("\n",
                "case,file,truth,read,confidence,reader_correct,ai_model,ai_predicted,ai_probabilities,ai_correct,"
                        + "reader_ai_agree",
                "1,\"/films/a, \"\"b\"\"\nc.png\",COVID,COVID,0.80,true,\"m,1\",COVID,COVID=0.9000 non-COVID=0.1000,"
                        + "true,true",
                "2,/films/2.png,Normal,COVID,0.55,false,,,,,",
                "",
                "metric,value",
                "case_set,lesson one",
                "seed,42",
                "cases,2",
                "reader_correct,1",
                "ai_scored,1",
                "ai_correct,1",
                "agreement_scored,1",
                "reader_ai_agree,1",
                "",
                "truth \\ read,COVID,Normal",
                "COVID,1,0",
                "Normal,1,0",
                ""));
    }
}
