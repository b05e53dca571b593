package org.lunglens.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A model card's Markdown becomes headings, text, tables and the card's own images, not raw markup. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    @TempDir
    Path dir;

    @Test
    void drawsHeadingsEmphasisTablesCodeAndLocalImages(FxRobot robot) throws Exception {
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("roc.png").toFile());
        String md = """
                # Model card: tiny

                **Intended use:** teaching, *not* diagnosis; see `docs/MODELS.md`.

                | figure | value |
                |---|---|
                | accuracy | 0.97 |

                ```
                java -jar target/lunglens.jar train
                ```

                - first
                - second

                ![ROC curve](roc.png)
                ![missing](nowhere.png)
                """;
        MarkdownView[] view = new MarkdownView[1];
        robot.interact(() -> view[0] = new MarkdownView(md, dir));

        var blocks = view[0].getChildren();
        assertThat(blocks.get(0)).isInstanceOfSatisfying(Label.class, l -> {
            assertThat(l.getText()).isEqualTo("Model card: tiny");
            assertThat(l.getStyleClass()).contains("md-h1");
        });
        assertThat(blocks.get(1)).isInstanceOfSatisfying(TextFlow.class, f -> {
            Text bold = (Text) f.getChildren().get(0);
            assertThat(bold.getText()).isEqualTo("Intended use:");
            assertThat(bold.getStyleClass()).contains("md-strong");
            assertThat(f.getChildren()).anySatisfy(n -> assertThat(n.getStyleClass()).contains("md-code"));
            assertThat(f.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat))
                    .doesNotContain("**").doesNotContain("`");
        });
        assertThat(blocks.get(2)).isInstanceOfSatisfying(GridPane.class, g -> assertThat(g.getChildren()).hasSize(4));
        assertThat(blocks.get(3)).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("java -jar target/lunglens.jar train"));
        assertThat(blocks.get(4)).isInstanceOf(VBox.class);
        // the two images are one paragraph here (a soft break between them): drawn as alt texts, none loaded
        // from outside the card's folder; an image alone in its paragraph is drawn
        robot.interact(() -> view[0] = new MarkdownView("![ROC curve](roc.png)\n\n![gone](../../etc/x.png)", dir));
        assertThat(view[0].getChildren().get(0)).isInstanceOfSatisfying(VBox.class,
                b -> assertThat(b.getChildren().get(0)).isInstanceOf(ImageView.class));
        assertThat(view[0].getChildren().get(1)).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).contains("gone"));
    }
}
