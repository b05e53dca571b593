package org.lunglens.ui.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.PixelReadout;
import org.lunglens.imaging.ValueScale;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.imaging.dicom.DicomInfo;
import org.lunglens.imaging.dicom.PatientDetails;
import org.lunglens.imaging.WindowPreset;

/** The view model and the image-to-screen transform, without a JavaFX toolkit. */
class ViewerModelTest {
    private static ViewerModel withImage(int w, int h) {
        int[] v = new int[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 65535 / (v.length - 1);
        }
        PixelData p = PixelData.gray(w, h, 16, v);
        ViewerModel m = new ViewerModel();
        m.show(new LoadedImage(Path.of("x.png"), "PNG", "grayscale", p, Map.of()), Histogram.of(p));
        return m;
    }

    private static ViewTransform transform(ViewerModel m, double viewW, double viewH) {
        var s = m.settings();
        PixelData p = m.image().pixels();
        double scale = ViewTransform.fitScale(p.width(), p.height(), s.rotation(), viewW, viewH) * m.zoomProperty().get();
        return new ViewTransform(scale, m.centerXProperty().get(), m.centerYProperty().get(), s.rotation(),
                s.flipHorizontal(), s.flipVertical(), viewW, viewH);
    }

    @Test
    void aDicomOpensWithItsOwnWindowAndResetReturnsToIt() {
        PixelData p = PixelData.gray(4, 1, 16, new int[] {0, 1000, 50_000, 65_535});
        ValueWindow fileWindow = ValueWindow.between(25_000, 54_999);
        DicomInfo info = new DicomInfo("Explicit VR Little Endian", List.of(), ValueScale.IDENTITY, fileWindow, null,
                new PatientDetails("", "", "", ""), 1);
        ViewerModel m = new ViewerModel();

        m.show(new LoadedImage(Path.of("x.dcm"), "DICOM", "grayscale, MONOCHROME2", p, Map.of(), info),
                Histogram.of(p));

        assertThat(m.settings().window()).isEqualTo(fileWindow);
        m.applyPreset(WindowPreset.FULL);
        assertThat(m.settings().window()).isNotEqualTo(fileWindow);
        m.reset();
        assertThat(m.settings().window()).isEqualTo(fileWindow);
    }

    @Test
    void showingAnImageFitsItCentredWithTheAutoWindow() {
        ViewerModel m = withImage(200, 100);
        assertThat(m.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(m.zoomProperty().get()).isEqualTo(1);
        assertThat(m.centerXProperty().get()).isEqualTo(100);
        assertThat(m.settings().window()).isEqualTo(WindowPreset.AUTO.window(m.histogramProperty().get()));
        ViewTransform t = transform(m, 400, 400);
        assertThat(t.scale()).isEqualTo(2);
        assertThat(t.imageToScreen(0, 0)).containsExactly(0, 100);
        assertThat(t.imageToScreen(200, 100)).containsExactly(400, 300);
    }

    @ParameterizedTest
    @CsvSource({"0,false,false", "90,false,false", "180,true,false", "270,false,true", "90,true,true"})
    void screenToImageInvertsImageToScreen(int rotation, boolean flipH, boolean flipV) {
        ViewTransform t = new ViewTransform(1.7, 31, 12, rotation, flipH, flipV, 300, 200);
        double[] s = t.imageToScreen(5, 80);
        assertThat(t.screenToImage(s[0], s[1])).containsExactly(new double[] {5, 80}, within(1e-9));
    }

    @Test
    void clockwiseRotationPutsTheImageTopOnTheRight() {
        ViewTransform t = new ViewTransform(1, 50, 50, 90, false, false, 100, 100);
        double[] topCentre = t.imageToScreen(50, 0);
        assertThat(topCentre).containsExactly(new double[] {100, 50}, within(1e-9));
        assertThat(ViewTransform.fitScale(200, 100, 90, 100, 400)).isEqualTo(1);
    }

    @Test
    void zoomAtKeepsThePointUnderThePointer() {
        ViewerModel m = withImage(200, 100);
        m.rotate(1);
        m.flipHorizontally();
        ViewTransform before = transform(m, 400, 300);
        double[] p = before.screenToImage(310, 60);
        m.zoomAt(1.5, before, 310, 60);
        ViewTransform after = transform(m, 400, 300);
        assertThat(m.zoomProperty().get()).isEqualTo(1.5);
        assertThat(after.screenToImage(310, 60)).containsExactly(p, within(1e-9));
    }

    @Test
    void panningMovesContentWithTheDragWhateverTheOrientation() {
        ViewerModel m = withImage(200, 100);
        m.rotate(1);
        ViewTransform t = transform(m, 400, 300);
        double[] seen = t.imageToScreen(20, 30);
        m.panByScreen(25, -10, t);
        double[] now = transform(m, 400, 300).imageToScreen(20, 30);
        assertThat(now).containsExactly(new double[] {seen[0] + 25, seen[1] - 10}, within(1e-9));
    }

    @Test
    void zoomIsClampedAndActualSizeIsOneToOne() {
        ViewerModel m = withImage(200, 100);
        m.zoomBy(1e9);
        assertThat(m.zoomProperty().get()).isEqualTo(ViewerModel.MAX_ZOOM);
        m.actualSize(0.25);
        assertThat(transform(m, 50, 25).scale()).isCloseTo(1, within(1e-12));
    }

    @Test
    void windowDragWidensToTheRightAndRaisesLevelDownwards() {
        ViewerModel m = withImage(200, 100);
        var s = m.settings();
        m.adjustWindow(40, 20);
        assertThat(m.settings().windowWidth()).isGreaterThan(s.windowWidth());
        assertThat(m.settings().windowCenter()).isGreaterThan(s.windowCenter());
    }

    @Test
    void resetUndoesOrientationInversionZoomAndWindow() {
        ViewerModel m = withImage(200, 100);
        var initial = m.settings();
        m.rotate(1);
        m.flipVertically();
        m.toggleInvert();
        m.applyPreset(WindowPreset.BONE);
        m.zoomBy(3);
        m.reset();
        assertThat(m.settings()).isEqualTo(initial);
        assertThat(m.zoomProperty().get()).isEqualTo(1);
    }

    @Test
    void aFailedLoadSaysWhichFileAndWhy() {
        ViewerModel m = withImage(2, 2);
        m.fail(Path.of("/tmp/bad.png"), "/tmp/bad.png: the file is empty (0 bytes)");
        assertThat(m.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(m.image()).isNull();
        assertThat(m.messageProperty().get()).startsWith("Could not open bad.png").contains("empty");
    }

    @Test
    void pixelReadoutUsesTheImagesOwnBitDepth() {
        PixelData p = PixelData.gray(2, 1, 16, new int[] {0, 54321});
        assertThat(PixelReadout.describe(p, null, null, 1, 0)).isEqualTo("x 1, y 0: value 54321 (16-bit, 0-65535)");
        PixelData rgb = new PixelData(1, 1, 8, new short[][] {{1}, {2}, {3}});
        assertThat(PixelReadout.describe(rgb, null, null, 0, 0)).contains("R 1, G 2, B 3").contains("8-bit");
    }
}
