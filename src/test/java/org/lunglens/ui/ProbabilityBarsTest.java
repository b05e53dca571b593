package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunglens.model.Prediction;
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
        stage.setScene(new Scene(new VBox(bars), 260, 120));
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
}
