package org.lunglens.ui.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.lunglens.explain.Explanation;
import org.lunglens.teaching.QuizAnswer;
import org.lunglens.teaching.QuizTexts;
import org.lunglens.ui.common.FitImage;
import org.lunglens.ui.common.FxImages;
import org.lunglens.ui.common.Styles;

/** What a reveal shows: the truth against the read, the AI's probabilities and heat warnings, and both maps. */
final class QuizReveal {
    private final Label truth = new Label();
    private final Label ai = new Label();
    private final Label warnings = new Label();
    private final FitImage gradCam = new FitImage();
    private final FitImage occlusion = new FitImage();
    private final VBox texts = new VBox(10, truth, ai, warnings);

    QuizReveal() {
        truth.setId("quizTruth");
        ai.setId("quizAi");
        warnings.setId("quizWarnings");
        truth.getStyleClass().add("quiz-truth");
        warnings.getStyleClass().add("quiz-warnings");
        for (Label l : new Label[] {truth, ai, warnings}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines are never cut to "..."
        }
    }

    /** The texts, for the side column. */
    VBox texts() {
        return texts;
    }

    /** Fills the texts; returns the two maps side by side, or null while there is no explanation. */
    Node show(QuizAnswer a, Explanation x, String problem) {
        truth.setText(String.format(Locale.ROOT, "Truth: %s\nYour read: %s (%.0f %%) %s", a.truth(), a.read(),
                100 * a.confidence(), a.readerCorrect() ? "\u2714 right" : "\u2718 wrong"));
        Styles.setState(truth, "wrong", !a.readerCorrect());
        if (x == null) {
            ai.setText(problem == null ? "The AI is still working on this case ..." : "No AI: " + problem);
            warnings.setText("");
            return null;
        }
        ai.setText(QuizTexts.ai(a, x));
        List<String> w = new ArrayList<>();
        x.gradCamCheck().warnings().forEach(t -> w.add("\u26a0 Grad-CAM: " + t));
        x.occlusionCheck().warnings().forEach(t -> w.add("\u26a0 Occlusion: " + t));
        warnings.setText(String.join("\n", w));
        gradCam.setImage(FxImages.of(x.gradCamView()));
        occlusion.setImage(FxImages.of(x.occlusionView()));
        String explained = x.occlusion().map().className();
        return new HBox(12, captioned("Grad-CAM of " + explained, gradCam),
                captioned("Occlusion: fall of P(" + explained + ")", occlusion));
    }

    private static VBox captioned(String title, FitImage image) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox box = new VBox(4, l, image);
        VBox.setVgrow(image, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
