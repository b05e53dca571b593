package org.lunglens.teaching;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * A quiz as CSV: one row per case (read, confidence, truth, the model's top class and probabilities, and which
 * were right), then an empty line and the score as {@code metric,value} rows, then the confusion table.
 */
public final class QuizCsv {
    private QuizCsv() {
    }

    public static void write(Path file, String caseSet, long seed, List<QuizAnswer> answers, QuizScore score)
            throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("case,file,truth,read,confidence,reader_correct,ai_model,ai_predicted,ai_probabilities,"
                    + "ai_correct,reader_ai_agree");
            for (QuizAnswer a : answers) {
                AiOpinion ai = a.ai();
                out.println(row(a.number(), a.file(), a.truth(), a.read(),
                        String.format(Locale.ROOT, "%.2f", a.confidence()), a.readerCorrect(),
                        ai == null ? "" : ai.model(), ai == null ? "" : ai.predicted(),
                        ai == null ? "" : probabilities(ai), ai == null ? null : ai.correct(),
                        ai == null ? null : ai.agreesWithReader()));
            }
            out.println();
            out.println("metric,value");
            out.println(row("case_set", caseSet));
            out.println(row("seed", seed));
            out.println(row("cases", score.cases()));
            out.println(row("reader_correct", score.readerRight()));
            out.println(row("ai_scored", score.aiScored()));
            out.println(row("ai_correct", score.aiRight()));
            out.println(row("agreement_scored", score.agreeScored()));
            out.println(row("reader_ai_agree", score.agree()));
            out.println();
            List<Object> header = new ArrayList<>(List.of("truth \\ read"));
            header.addAll(score.labels());
            out.println(row(header.toArray()));
            for (String t : score.labels()) {
                List<Object> counts = new ArrayList<>(List.of(t));
                score.labels().forEach(r -> counts.add(score.count(t, r)));
                out.println(row(counts.toArray()));
            }
        }
    }

    /** One CSV record (nulls empty), without its line end. */
    private static String row(Object... values) {
        return CSVFormat.DEFAULT.format(values);
    }

    private static String probabilities(AiOpinion ai) {
        StringBuilder s = new StringBuilder();
        List<String> classes = ai.scores().classes();
        float[] p = ai.scores().values();
        for (int i = 0; i < classes.size(); i++) {
            s.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s=%.4f", classes.get(i), p[i]));
        }
        return s.toString();
    }
}
