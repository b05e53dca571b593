package org.lunglens.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.PixelSpacing;
import org.lunglens.imaging.ValueScale;

/** Lengths, angles, regions and the ratio against figures worked out by hand on a small synthetic 16-bit image. */
class MeasurementMathTest {
    /** 4 x 3, 16-bit: value(x, y) = 40000 + 1000 x + 10 y (above 32767, so a signed read would show). */
    private static PixelData image() {
        int[] v = new int[12];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                v[y * 4 + x] = 40000 + 1000 * x + 10 * y;
            }
        }
        return PixelData.gray(4, 3, 16, v);
    }

    private static final PixelSpacing SPACING = new PixelSpacing(0.2, 0.1, "Pixel Spacing");

    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void rectangleCountsThePixelsWhoseCentresAreInsideInTheImagesOwnValues() {
        // Pixels (1,0) 41000, (2,0) 42000, (1,1) 41010, (2,1) 42010: mean 41505, deviations +-505 and +-495
        RoiStatistics s = RoiStatistics.of(image(), ValueScale.IDENTITY, false, p(3, 2), p(1, 0));
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(41505);
        assertThat(s.sd()).isCloseTo(Math.sqrt(1_000_100 / 3.0), within(1e-9));
        assertThat(s.min()).isEqualTo(41000);
        assertThat(s.max()).isEqualTo(42010);
    }

    @Test
    void aRescaleGivesValuesAsTheReadoutShowsThem() {
        ValueScale scale = new ValueScale(-2, 1000, "HU");
        RoiStatistics s = RoiStatistics.of(image(), scale, false, p(1, 0), p(3, 2));
        assertThat(s.mean()).isEqualTo(-2 * 41505 + 1000);
        assertThat(s.sd()).isCloseTo(2 * Math.sqrt(1_000_100 / 3.0), within(1e-9));
        // a negative slope turns the largest sample into the smallest value
        assertThat(s.min()).isEqualTo(-2 * 42010 + 1000);
        assertThat(s.max()).isEqualTo(-2 * 41000 + 1000);
        assertThat(MeasurementValues.lines(Measurement.create(MeasurementKind.RECTANGLE, List.of(p(1, 0), p(3, 2)),
                ""), image(), scale, Optional.empty()))
                .containsExactly("mean -82010, SD 1154.8 HU", "min -83020, max -81000", "4 px, 4.0 px\u00b2");
    }

    @Test
    void anEllipseLeavesOutTheCornersOfItsBox() {
        PixelData flat = PixelData.gray(5, 5, 16, new int[25]);
        // In a 5 x 5 box only the four corner pixels' centres lie outside the inscribed circle
        assertThat(RoiStatistics.of(flat, ValueScale.IDENTITY, true, p(0, 0), p(5, 5)).count()).isEqualTo(21);
        assertThat(RoiStatistics.of(flat, ValueScale.IDENTITY, false, p(0, 0), p(5, 5)).count()).isEqualTo(25);
        assertThat(Geometry.area(p(0, 0), p(5, 5), true, Optional.empty())).isCloseTo(Math.PI * 6.25, within(1e-9));
    }

    @Test
    void aRulerIsInMillimetresWhereTheSpacingIsKnownAndSaysSoInPixelsOtherwise() {
        Measurement ruler = Measurement.create(MeasurementKind.RULER, List.of(p(0, 0), p(30, 40)), "");
        assertThat(Geometry.lengthPx(ruler.point(0), ruler.point(1))).isEqualTo(50);
        // 30 columns of 0.1 mm and 40 rows of 0.2 mm: hypot(3, 8)
        assertThat(Geometry.lengthMm(ruler.point(0), ruler.point(1), SPACING)).isCloseTo(Math.sqrt(73), within(1e-12));
        PixelData img = image();
        assertThat(MeasurementValues.lines(ruler, img, ValueScale.IDENTITY, Optional.empty()))
                .containsExactly("50.0 px (no pixel spacing)");
        assertThat(MeasurementValues.lines(ruler, img, ValueScale.IDENTITY, Optional.of(SPACING)))
                .containsExactly("8.5 mm");
        assertThat(MeasurementValues.lines(ruler, img, ValueScale.IDENTITY,
                Optional.of(new PixelSpacing(0.2, 0.1, "Imager Pixel Spacing")))).containsExactly("8.5 mm at detector");
    }

    @Test
    void anglesAreMeasuredInThePatient() {
        assertThat(Geometry.angleDegrees(p(10, 0), p(0, 0), p(0, 10), Optional.empty())).isCloseTo(90, within(1e-12));
        assertThat(Geometry.angleDegrees(p(10, 0), p(0, 0), p(10, 10), Optional.empty())).isCloseTo(45, within(1e-12));
        // rows twice as far apart as columns: the second arm is (10 mm, 20 mm)
        assertThat(Geometry.angleDegrees(p(10, 0), p(0, 0), p(10, 10), Optional.of(new PixelSpacing(2, 1, "x"))))
                .isCloseTo(Math.toDegrees(Math.atan2(20, 10)), within(1e-12));
        assertThat(Geometry.angleDegrees(p(0, 0), p(0, 0), p(1, 1), Optional.empty())).isZero();
    }

    @Test
    void theCardiothoracicRatioIsTheHeartsWidthOverTheChests() {
        Measurement ctr = Measurement.create(MeasurementKind.CTR, List.of(p(0, 0), p(14, 0), p(0, 5), p(28, 5)), "");
        assertThat(Geometry.cardiothoracicRatio(ctr, Optional.empty())).isEqualTo(0.5);
        assertThat(MeasurementValues.lines(ctr, image(), ValueScale.IDENTITY, Optional.of(SPACING)))
                .containsExactly("CTR 0.50", "cardiac 1.4 mm", "thoracic 2.8 mm");
    }

    @Test
    void theGeometryRoundTripsThroughJson() {
        Measurement text = Measurement.create(MeasurementKind.TEXT, List.of(p(1.25, 2.5)), "nodule \"?\"");
        String json = MeasurementCodec.geometry(text);
        assertThat(json).isEqualTo("{\"points\":[[1.25,2.5]],\"text\":\"nodule \\\"?\\\"\"}");
        assertThat(MeasurementCodec.read(text.uid(), "text", json)).isEqualTo(text);
        Measurement angle = Measurement.create(MeasurementKind.ANGLE, List.of(p(1, 2), p(3, 4), p(5, 6)), "");
        assertThat(MeasurementCodec.read(angle.uid(), "angle", MeasurementCodec.geometry(angle))).isEqualTo(angle);
    }
}
