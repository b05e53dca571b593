package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void binaryFromHandComputedBins() {
        // Classes COVID (0), non-COVID (1). Top probability, right?, squared error of P(COVID):
        //   COVID     0.95 / 0.05   0.95 right   (0.95 - 1)^2 = 0.0025
        //   non-COVID 0.92 / 0.08   0.92 wrong   0.92^2       = 0.8464
        //   non-COVID 0.35 / 0.65   0.65 right   0.35^2       = 0.1225
        //   COVID     0.60 / 0.40   0.60 right   0.40^2       = 0.16
        // Bin 0.9-1.0: 2 images, mean 0.935, accuracy 0.5; bin 0.6-0.7: 2 images, mean 0.625, accuracy 1.
        // ECE = 0.5 * 0.435 + 0.5 * 0.375 = 0.405; Brier = 1.1314 / 4.
        Calibration c = Calibration.of(new int[] {0, 1, 1, 0},
                new float[][] {{0.95f, 0.05f}, {0.92f, 0.08f}, {0.35f, 0.65f}, {0.6f, 0.4f}}, 0);

        assertThat(c.bins()).hasSize(Calibration.BINS);
        Calibration.Bin top = c.bins().get(9);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.correct()).isEqualTo(1);
        assertThat(top.meanConfidence()).isCloseTo(0.935, within(1e-6));
        assertThat(c.bins().get(6).accuracy()).isEqualTo(1.0);
        assertThat(c.bins().get(6).meanConfidence()).isCloseTo(0.625, within(1e-6));
        assertThat(c.bins().stream().mapToInt(Calibration.Bin::count).sum()).isEqualTo(4);
        assertThat(c.expectedCalibrationError()).isCloseTo(0.405, within(1e-6));
        assertThat(c.brier()).isCloseTo(1.1314 / 4, within(1e-6));
        assertThat(top.accuracyInterval()).isEqualTo(ConfidenceInterval.wilson(1, 2));
    }

    @Test
    void multiClassBrierSumsOverTheClasses() {
        // truth 2, p (0.2, 0.3, 0.5): 0.04 + 0.09 + 0.25 = 0.38, top 0.5 right
        // truth 0, p (0.1, 0.7, 0.2): 0.81 + 0.49 + 0.04 = 1.34, top 0.7 wrong
        Calibration c = Calibration.of(new int[] {2, 0}, new float[][] {{0.2f, 0.3f, 0.5f}, {0.1f, 0.7f, 0.2f}}, -1);

        assertThat(c.brier()).isCloseTo((0.38 + 1.34) / 2, within(1e-6));
        assertThat(c.expectedCalibrationError()).isCloseTo(0.5 * 0.5 + 0.5 * 0.7, within(1e-6));
    }

    @Test
    void certaintyFallsInTheLastBinAndAPerfectModelHasNoError() {
        Calibration c = Calibration.of(new int[] {0, 1}, new float[][] {{1f, 0f}, {0f, 1f}}, 0);
        assertThat(c.bins().get(9).count()).isEqualTo(2);
        assertThat(c.expectedCalibrationError()).isZero();
        assertThat(c.brier()).isZero();
    }

    @Test
    void readsBackWhatItWritesAndFindsTheBinOfAProbability() {
        Calibration c = Calibration.of(new int[] {0, 1, 1, 0},
                new float[][] {{0.95f, 0.05f}, {0.92f, 0.08f}, {0.35f, 0.65f}, {0.6f, 0.4f}}, 0);
        Calibration back = TestReport.of(Map.of("calibration", c.toMap())).orElseThrow().storedCalibration()
                .orElseThrow();

        assertThat(back.bins()).hasSize(Calibration.BINS);
        assertThat(back.binOf(0.97f)).isEqualTo(c.bins().get(9));
        assertThat(back.binOf(0.61f).correct()).isEqualTo(2);
        assertThat(back.binOf(0.45f).isEmpty()).isTrue();
        assertThat(back.binOf(1f)).as("certainty is in the last bin").isEqualTo(back.bins().get(9));
        assertThat(back.binOf(0.9f)).as("as of() bins a float").isEqualTo(back.bins().get(9));
        assertThat(back.expectedCalibrationError()).isEqualTo(c.expectedCalibrationError());
    }

    @Test
    void aMissingOrMalformedReportReadsAsNone() {
        assertThat(calibrationOf(Map.of())).isEmpty();
        assertThat(calibrationOf(Map.of("calibration", Map.of("ece", 0.1)))).isEmpty();
        assertThat(calibrationOf(Map.of("calibration", Map.of("ece", 0.1, "brier", 0.1,
                "bins", List.of(Map.of("from", 0.9, "n", 2, "correct", 3, "meanConfidence", 0.95))))))
                .as("3 of 2 right").isEmpty();
        assertThat(calibrationOf(Map.of("calibration", "not a table"))).isEmpty();
    }

    private static java.util.Optional<Calibration> calibrationOf(Map<String, Object> report) {
        return TestReport.of(report).flatMap(TestReport::storedCalibration);
    }

    @Test
    void reportListsOnlyTheBinsWithImages() {
        Map<String, Object> map = Calibration.of(new int[] {0}, new float[][] {{0.75f, 0.25f}}, 0).toMap();
        assertThat((List<?>) map.get("bins")).hasSize(1);
        assertThat(map.get("ece")).isEqualTo(0.25);

        Map<String, Object> none = Calibration.of(new int[0], new float[0][], 0).toMap();
        assertThat(none.get("ece")).isNull();
        assertThat((List<?>) none.get("bins")).isEmpty();
    }
}
