package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The errors an evaluation counts as "shown as a plain reading": wrong and not flagged unfamiliar. */
class EvaluationTest {
    private static final ModelMetadata BINARY = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0",
            ModelMetadata.BINARY, List.of("COVID", "non-COVID"), PreprocessingSpec.ofSize(32), "CNN test", 10, 2,
            Map.of(), Map.of());
    private static final Familiarity FAMILIAR = new Familiarity(0.5);
    private static final Familiarity FLAGGED = new Familiarity(2.0);

    // Five non-COVID films: called COVID and familiar, called COVID and flagged, right and familiar, right and
    // flagged, called COVID and familiar. Two COVID films: missed and familiar, found and flagged.
    private static final int[] TRUTH = {1, 1, 1, 1, 1, 0, 0};
    private static final float[][] PROBABILITIES = {{0.9f, 0.1f}, {0.99f, 0.01f}, {0.2f, 0.8f}, {0.3f, 0.7f},
        {0.6f, 0.4f}, {0.1f, 0.9f}, {0.8f, 0.2f}};
    private static final Familiarity[] CHECK = {FAMILIAR, FLAGGED, FAMILIAR, FLAGGED, FAMILIAR, FAMILIAR, FLAGGED};

    @Test
    void countsWrongReadingsThatTheCheckLetsThrough() {
        Evaluation evaluation = new Evaluation(BINARY, TRUTH, PROBABILITIES, Map.of(), CHECK);

        assertThat(evaluation.unflaggedErrors(false)).isEqualTo(new Evaluation.UnflaggedErrors(2, 5));
        assertThat(evaluation.unflaggedErrors(true)).isEqualTo(new Evaluation.UnflaggedErrors(1, 2));
        Map<?, ?> unfamiliar = (Map<?, ?>) evaluation.report().get("unfamiliar");
        Map<?, ?> falseAlarms = (Map<?, ?>) unfamiliar.get("nonCovidCalledCovidUnflagged");
        assertThat(falseAlarms.get("count")).isEqualTo(2);
        assertThat(falseAlarms.get("of")).isEqualTo(5);
        assertThat((double) falseAlarms.get("fraction")).isEqualTo(0.4);
    }

    @Test
    void withoutACheckEveryErrorIsAPlainReading() {
        Evaluation evaluation = new Evaluation(BINARY, TRUTH, PROBABILITIES, Map.of());

        assertThat(evaluation.unflaggedErrors(false)).isEqualTo(new Evaluation.UnflaggedErrors(3, 5));
        assertThat(evaluation.unflaggedErrors(true)).isEqualTo(new Evaluation.UnflaggedErrors(1, 2));
    }

    @Test
    void aOneClassFolderOfNormalFilmsHasNoCovidSide() {
        Evaluation evaluation = new Evaluation(BINARY, new int[] {1, 1}, new float[][] {{0.7f, 0.3f}, {0.1f, 0.9f}},
                Map.of(), new Familiarity[] {FAMILIAR, FAMILIAR});

        assertThat(evaluation.unflaggedErrors(false)).isEqualTo(new Evaluation.UnflaggedErrors(1, 2));
        assertThat(evaluation.unflaggedErrors(true)).isEqualTo(new Evaluation.UnflaggedErrors(0, 0));
    }
}
