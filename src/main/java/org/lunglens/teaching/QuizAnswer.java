package org.lunglens.teaching;

import java.nio.file.Path;

/**
 * One case of a quiz as it was answered: the read was committed before the AI or the truth was shown.
 *
 * @param number     1-based case number in the quiz
 * @param file       the film
 * @param truth      its label in the case set
 * @param read       the reader's class (a case-set label)
 * @param confidence the reader's confidence in [0, 1]
 * @param ai         the model's opinion, or null when no model was available
 */
public record QuizAnswer(int number, Path file, String truth, String read, double confidence, AiOpinion ai) {
    public QuizAnswer {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    public boolean readerCorrect() {
        return truth.equals(read);
    }

    public QuizAnswer withAi(AiOpinion opinion) {
        return new QuizAnswer(number, file, truth, read, confidence, opinion);
    }
}
