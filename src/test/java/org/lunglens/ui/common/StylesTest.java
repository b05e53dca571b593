package org.lunglens.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stylesheet reaches scenes and dialogs, and its named colours resolve on real nodes. */
@ExtendWith(ApplicationExtension.class)
class StylesTest {
    private final Label warning = new Label("warning");
    private final Label message = new Label("message");

    @Start
    void start(Stage stage) {
        warning.getStyleClass().add("warning-text");
        message.getStyleClass().add("log-message");
        stage.setScene(Styles.scene(new VBox(warning, message), 200, 100));
        stage.show();
    }

    @Test
    void aWarningIsTheWarningRed(FxRobot robot) {
        robot.interact(warning::applyCss);
        assertThat(warning.getScene().getStylesheets()).containsExactly(Styles.STYLESHEET);
        assertThat(warning.getTextFill()).isEqualTo(Color.web("#b3261e"));
    }

    @Test
    void theErrorStateRestylesAMessage(FxRobot robot) {
        robot.interact(message::applyCss);
        assertThat(message.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#e8f0e8"));
        robot.interact(() -> {
            Styles.setState(message, "error", true);
            message.applyCss();
        });
        assertThat(message.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#fde7e4"));
        assertThat(message.getTextFill()).isEqualTo(Color.web("#8c1d18"));
    }

    @Test
    void dialogsCarryTheStylesheet(FxRobot robot) {
        robot.interact(() -> {
            assertThat(Styles.dialog().getDialogPane().getStylesheets()).containsExactly(Styles.STYLESHEET);
            assertThat(Styles.alert(Alert.AlertType.CONFIRMATION, "?", ButtonType.OK).getDialogPane().getStylesheets())
                    .containsExactly(Styles.STYLESHEET);
        });
    }
}
