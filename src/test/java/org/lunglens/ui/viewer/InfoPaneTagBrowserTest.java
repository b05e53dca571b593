package org.lunglens.ui.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.DicomWriter;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.ui.common.Styles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Info tab lists every tag of a DICOM file, and typing narrows the table to the tags that match. */
@ExtendWith(ApplicationExtension.class)
class InfoPaneTagBrowserTest {
    private final ViewerModel model = new ViewerModel();
    private InfoPane pane;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        pane = new InfoPane(model);
        stage.setScene(Styles.scene(new VBox(pane), 520, 720));
        stage.show();
    }

    @Test
    void allTagsAreListedAndTheSearchNarrowsThem(FxRobot robot) throws Exception {
        Path file = DicomWriter.image(4, 3, 1, 16, 12, false, "MONOCHROME2")
                .text(0x00280030, "DS", "0.143\\0.139").text(0x00100030, "DA", "19480307")
                .text(0x00081030, "LO", "CHEST PA").pixels(16, new int[12])
                .write(dir.resolve("tags.dcm"), "1.2.840.10008.1.2.1", null);
        LoadedImage image = new ImageLoader().load(file);
        robot.interact(() -> model.show(image, Histogram.of(image.pixels())));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#tagTable").queryAs(TableView.class);
        int all = image.dicomInfo().orElseThrow().elements().size();
        assertThat(table.getItems()).hasSize(all);
        assertThat(pane.visibleTagRows()).extracting(TagBrowser.TagRow::name).contains("Patient's Name",
                "Transfer Syntax UID", "Rows", "Pixel Data");
        assertThat(robot.lookup("#info-Pixel-spacing").queryAs(Label.class).getText())
                .isEqualTo("0.1430 x 0.1390 mm (Pixel Spacing)");

        robot.clickOn("#tagFilter").write("patient");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.visibleTagRows()).extracting(TagBrowser.TagRow::tag)
                .containsExactly("(0010,0010)", "(0010,0020)", "(0010,0030)");

        robot.interact(() -> robot.lookup("#tagFilter").queryTextInputControl().setText("0028,0010"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.visibleTagRows()).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("4"))
                .satisfies(r -> assertThat(r.vr()).isEqualTo("US"));

        robot.interact(() -> robot.lookup("#tagFilter").queryTextInputControl().setText("chest"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.visibleTagRows()).extracting(TagBrowser.TagRow::name).containsExactly("Study Description");
        assertThat(table.getItems()).hasSize(1);
    }
}
