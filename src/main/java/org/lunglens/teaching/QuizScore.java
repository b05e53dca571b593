package org.lunglens.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The score of a quiz. AI counts cover the cases the model could be scored on (the truth has a model class);
 * agreement covers the cases where the read has one.
 *
 * @param cases        answered cases
 * @param readerRight  reads equal to the truth
 * @param aiScored     cases with an AI opinion whose truth is a model class
 * @param aiRight      of those, the model's top class equals the truth
 * @param agreeScored  cases with an AI opinion whose read is a model class
 * @param agree        of those, the model's top class equals the read
 * @param labels       rows and columns of the confusion table
 * @param confusion    truth -> read -> count
 */
public record QuizScore(int cases, int readerRight, int aiScored, int aiRight, int agreeScored, int agree,
                        List<String> labels, Map<String, Map<String, Integer>> confusion) {

    public static QuizScore of(List<QuizAnswer> answers, List<String> classes) {
        List<String> labels = new ArrayList<>(classes);
        answers.forEach(a -> {
            if (!labels.contains(a.truth())) {
                labels.add(a.truth());
            }
            if (!labels.contains(a.read())) {
                labels.add(a.read());
            }
        });
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (String t : labels) {
            Map<String, Integer> row = new LinkedHashMap<>();
            labels.forEach(r -> row.put(r, 0));
            confusion.put(t, row);
        }
        int right = 0;
        int aiScored = 0;
        int aiRight = 0;
        int agreeScored = 0;
        int agree = 0;
        for (QuizAnswer a : answers) {
            confusion.get(a.truth()).merge(a.read(), 1, Integer::sum);
            right += a.readerCorrect() ? 1 : 0;
            if (a.ai() != null && a.ai().correct() != null) {
                aiScored++;
                aiRight += a.ai().correct() ? 1 : 0;
            }
            if (a.ai() != null && a.ai().agreesWithReader() != null) {
                agreeScored++;
                agree += a.ai().agreesWithReader() ? 1 : 0;
            }
        }
        return new QuizScore(answers.size(), right, aiScored, aiRight, agreeScored, agree, List.copyOf(labels),
                confusion);
    }

    public int count(String truth, String read) {
        return confusion.getOrDefault(truth, Map.of()).getOrDefault(read, 0);
    }

    /** "3 / 5 (60 %)", or "n/a" when nothing could be scored. */
    public static String fraction(int k, int n) {
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%d / %d (%.0f %%)", k, n, 100.0 * k / n);
    }

    public String readerText() {
        return fraction(readerRight, cases);
    }

    public String aiText() {
        return fraction(aiRight, aiScored);
    }

    public String agreementText() {
        return fraction(agree, agreeScored);
    }
}
