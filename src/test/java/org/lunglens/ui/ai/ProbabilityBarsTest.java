package org.lunglens.ui.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunglens.model.Calibration;
import org.lunglens.model.Prediction;
import org.lunglens.ui.common.Styles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In a side panel too narrow for everything, the class name gives way, never the probability ("10..."). */
@ExtendWith(ApplicationExtension.class)
class ProbabilityBarsTest {
    private final ProbabilityBars bars = new ProbabilityBars();

    @Start
    void start(Stage stage) {
        stage.setScene(Styles.scene(new VBox(bars), 260, 120));
        stage.show();
    }

    @Test
    void probabilitiesAreNeverCutShort(FxRobot robot) {
        List<String> classes = List.of("COVID", "Normal", "Viral_Pneumonia");
        robot.interact(() -> bars.show(new Prediction(classes, new float[] {0f, 0f, 1f}, 1)));
        WaitForAsyncUtils.waitForFxEvents();

        for (String cls : classes) {
            Label value = robot.lookup("#prob-" + cls).queryAs(Label.class);
            assertThat(value.getWidth()).as(cls).isGreaterThanOrEqualTo(value.prefWidth(-1) - 0.5);
        }
        Label name = robot.lookup("#name-Viral_Pneumonia").queryAs(Label.class);
        assertThat(name.getTooltip()).isNotNull();
        assertThat(name.getTooltip().getText()).isEqualTo("Viral Pneumonia");
    }

    @Test
    void theModelsRecordAtThisConfidenceIsShownUnderTheBars(FxRobot robot) {
        // Test report: 10 films called with 70-80%, 6 right; 4 called with 90-100%, all right
        Calibration calibration = Calibration.of(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1},
                new float[][] {{0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f},
                        {0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f}, {0.75f, 0.25f},
                        {0.95f, 0.05f}, {0.95f, 0.05f}, {0.05f, 0.95f}, {0.05f, 0.95f}}, 0);
        List<String> classes = List.of("COVID", "non-COVID");
        robot.interact(() -> bars.show(new Prediction(classes, new float[] {0.76f, 0.24f}, 1), calibration));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#reliabilityNote").queryAs(Label.class).getText()).isEqualTo("On its test split, this "
                + "model was right on 6 of 10 films it called with 70-80% (95% CI 31-83%).");
        assertThat(robot.lookup("#otherSitesNote").queryAs(Label.class).getText())
                .as("the record comes with what it does not cover").contains("not on your hospital's")
                .contains("adapt");
        assertThat(ProbabilityBars.reliabilityNote(calibration, 0.55f)).contains("called no film with 50-60%");
        assertThat(ProbabilityBars.reliabilityNote(calibration, 1f)).contains("right on 4 of 4 films it called with 90-100%");

        robot.interact(() -> bars.show(new Prediction(classes, new float[] {0.76f, 0.24f}, 1)));
        assertThat(robot.lookup("#reliabilityNote").tryQuery()).as("no report, no note").isEmpty();
        assertThat(robot.lookup("#otherSitesNote").tryQuery()).isEmpty();
    }
}
