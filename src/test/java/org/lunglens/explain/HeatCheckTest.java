package org.lunglens.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lunglens.gradcam.Heatmap;

/** The heat-location heuristic on hand-made maps: lungs pass, corners and burned-in markers warn. */
class HeatCheckTest {
    private static final int SIZE = 64;
    private final float[] film = gray();

    @Test
    void heatOnTheLungFieldsGivesNoWarning() {
        HeatCheck check = HeatCheck.of(map((x, y) -> inDisc(x, y, 22, 30, 9) || inDisc(x, y, 42, 30, 9)), film, SIZE);
        assertThat(check.outside()).isLessThan(0.05);
        assertThat(check.warns()).isFalse();
    }

    @Test
    void heatInTheCornersWarnsOfBothOutsideAndBorder() {
        HeatCheck check = HeatCheck.of(map((x, y) -> (x < 6 || x > 57) && y < 8), film, SIZE);
        assertThat(check.outside()).isGreaterThan(0.9);
        assertThat(check.border()).isGreaterThan(0.9);
        assertThat(check.warnings()).hasSize(2);
        assertThat(check.warnings().get(1)).contains("burned-in text");
    }

    @Test
    void heatOnABrightMarkerInsideTheBorderBandStillCountsAsMarker() {
        // A near-white "R" marker at (10..13, 50..54): outside the chest ellipse, not in the 8 % border band.
        for (int y = 50; y <= 54; y++) {
            for (int x = 10; x <= 13; x++) {
                film[y * SIZE + x] = 1f;
            }
        }
        HeatCheck check = HeatCheck.of(map((x, y) -> x >= 9 && x <= 14 && y >= 49 && y <= 55), film, SIZE);
        assertThat(check.border()).isGreaterThan(0.9);
        assertThat(check.warns()).isTrue();
    }

    @Test
    void anEmptyMapIsNotJudged() {
        HeatCheck check = HeatCheck.of(map((x, y) -> false), film, SIZE);
        assertThat(check.warns()).isFalse();
    }

    private interface Where {
        boolean hot(int x, int y);
    }

    private static Heatmap map(Where where) {
        float[] v = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                v[y * SIZE + x] = where.hot(x, y) ? 1 : 0;
            }
        }
        boolean any = false;
        for (float f : v) {
            any |= f > 0;
        }
        return new Heatmap(SIZE, SIZE, v, any ? 1 : 0, 0, "COVID", "test");
    }

    private static boolean inDisc(int x, int y, int cx, int cy, int r) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
    }

    private static float[] gray() {
        float[] f = new float[SIZE * SIZE];
        Arrays.fill(f, 0.4f);
        return f;
    }
}
