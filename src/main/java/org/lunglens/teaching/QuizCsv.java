package org.lunglens.teaching;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
                out.println(String.join(",", String.valueOf(a.number()), Csv.field(a.file().toString()),
                        Csv.field(a.truth()), Csv.field(a.read()), String.format(Locale.ROOT, "%.2f", a.confidence()),
                        String.valueOf(a.readerCorrect()), ai == null ? "" : Csv.field(ai.model()),
                        ai == null ? "" : Csv.field(ai.predicted()), ai == null ? "" : Csv.field(probabilities(ai)),
                        ai == null || ai.correct() == null ? "" : String.valueOf(ai.correct()),
                        ai == null || ai.agreesWithReader() == null ? "" : String.valueOf(ai.agreesWithReader())));
            }
            out.println();
            out.println("metric,value");
            out.println("case_set," + Csv.field(caseSet));
            out.println("seed," + seed);
            out.println("cases," + score.cases());
            out.println("reader_correct," + score.readerRight());
            out.println("ai_scored," + score.aiScored());
            out.println("ai_correct," + score.aiRight());
            out.println("agreement_scored," + score.agreeScored());
            out.println("reader_ai_agree," + score.agree());
            out.println();
            out.println("truth \\ read," + String.join(",", score.labels().stream().map(Csv::field).toList()));
            for (String t : score.labels()) {
                StringBuilder row = new StringBuilder(Csv.field(t));
                score.labels().forEach(r -> row.append(',').append(score.count(t, r)));
                out.println(row);
            }
        }
    }

    private static String probabilities(AiOpinion ai) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ai.classes().size(); i++) {
            s.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s=%.4f", ai.classes().get(i),
                    ai.probabilities()[i]));
        }
        return s.toString();
    }
}
