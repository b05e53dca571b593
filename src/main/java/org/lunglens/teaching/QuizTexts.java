package org.lunglens.teaching;

import java.util.Locale;
import org.lunglens.explain.Explanation;

/** The words of a reveal. */
public final class QuizTexts {
    private QuizTexts() {
    }

    public static String ai(QuizAnswer a, Explanation x) {
        var p = x.analysis().prediction();
        StringBuilder s = new StringBuilder("AI (" + x.analysis().model().title() + "):\n");
        for (int c = 0; c < p.classes().size(); c++) {
            s.append(String.format(Locale.ROOT, "  %s %.1f %%%n", p.classes().get(c), 100 * p.probabilities()[c]));
        }
        AiOpinion o = a.ai();
        s.append("AI says ").append(p.predictedClass());
        if (o != null && o.correct() != null) {
            s.append(o.correct() ? " \u2714 right" : " \u2718 wrong");
        }
        if (o != null && o.agreesWithReader() != null) {
            s.append(o.agreesWithReader() ? "; agrees with you" : "; disagrees with you");
        }
        s.append(String.format(Locale.ROOT, "%nGrad-CAM: %s", x.gradCamCheck().summary()));
        return s.toString();
    }
}
