package org.lunglens.teaching;

import java.util.ArrayList;
import java.util.List;
import org.lunglens.model.ClassScores;
import org.lunglens.model.LabelledImage;

/**
 * A blinded quiz over sampled cases: for each case the reader commits a class and a confidence, and only then is
 * the case revealed (AI and truth); then the next case. The model's outputs may arrive at any time (they are
 * computed in the background while the reader reads) and are joined to the answers when scored. Not thread-safe:
 * use from one thread (the app's FX thread).
 */
public final class Quiz {
    /** Where the quiz stands. */
    public enum Phase { READING, REVEALED, FINISHED }

    /** The model's output for one case. */
    public record ModelOutput(String model, ClassScores scores, boolean binary) {
    }

    private final CaseSet caseSet;
    private final long seed;
    private final List<LabelledImage> cases;
    private final QuizAnswer[] answers;
    private final ModelOutput[] outputs;
    private int index;
    private Phase phase = Phase.READING;

    public Quiz(CaseSet caseSet, int n, long seed) {
        this.caseSet = caseSet;
        this.seed = seed;
        this.cases = caseSet.sample(n, seed);
        this.answers = new QuizAnswer[cases.size()];
        this.outputs = new ModelOutput[cases.size()];
    }

    public CaseSet caseSet() {
        return caseSet;
    }

    public long seed() {
        return seed;
    }

    public List<LabelledImage> cases() {
        return cases;
    }

    public int size() {
        return cases.size();
    }

    /** 0-based index of the case on screen (the last one once finished). */
    public int index() {
        return index;
    }

    public LabelledImage current() {
        return cases.get(index);
    }

    public Phase phase() {
        return phase;
    }

    /** Commits the reader's read of the current case; the case may be revealed after this, and not before. */
    public QuizAnswer commit(String read, double confidence) {
        if (phase != Phase.READING) {
            throw new IllegalStateException("The current case was already read");
        }
        if (read == null || read.isBlank()) {
            throw new IllegalArgumentException("A read needs a class");
        }
        LabelledImage c = current();
        answers[index] = new QuizAnswer(index + 1, c.file(), c.folder(), read, confidence, null);
        phase = Phase.REVEALED;
        return answer(index);
    }

    /** To the next case, or to the end after the last. */
    public void next() {
        if (phase != Phase.REVEALED) {
            throw new IllegalStateException("Reveal the case before moving on");
        }
        if (index + 1 < cases.size()) {
            index++;
            phase = Phase.READING;
        } else {
            phase = Phase.FINISHED;
        }
    }

    public void setModelOutput(int caseIndex, ModelOutput output) {
        outputs[caseIndex] = output;
    }

    public ModelOutput modelOutput(int caseIndex) {
        return outputs[caseIndex];
    }

    /** Case {@code i}'s answer with the model's opinion joined, or null while unanswered. */
    public QuizAnswer answer(int i) {
        QuizAnswer a = answers[i];
        ModelOutput o = outputs[i];
        if (a == null || o == null) {
            return a;
        }
        return a.withAi(AiOpinion.of(o.model(), o.scores(), o.binary(), a.truth(), a.read()));
    }

    /** The answers so far, in case order. */
    public List<QuizAnswer> answers() {
        List<QuizAnswer> out = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null) {
                out.add(answer(i));
            }
        }
        return out;
    }

    public QuizScore score() {
        return QuizScore.of(answers(), caseSet.classes());
    }
}
