package org.lunglens.ui.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lunglens.patientlog.AnalysisRecord;

/** A logged reading says why it is not relied on: the film itself, or the films read with it. */
class HistoryViewTest {
    private static AnalysisRecord run(AnalysisRecord.FamiliarityFlag flag) {
        AnalysisRecord draft = AnalysisRecord.fromScores(1, "m", "0".repeat(64), List.of("COVID", "Normal"),
                new float[] {0.9f, 0.1f}, "COVID", null, 12);
        return flag == null ? draft : draft.withFamiliarity(flag);
    }

    @Test
    void aFilmFlaggedByItsOwnScoreAndOneReadAmongShiftedFilmsAreToldApart() {
        assertThat(HistoryView.describe(run(new AnalysisRecord.FamiliarityFlag(true, 2.5))))
                .contains("UNFAMILIAR FILM").doesNotContain("UNFAMILIAR SITE");
        assertThat(HistoryView.describe(run(new AnalysisRecord.FamiliarityFlag(true, 0.4))))
                .contains("UNFAMILIAR SITE", "taken together", "not reliable").doesNotContain("UNFAMILIAR FILM");
        assertThat(HistoryView.describe(run(new AnalysisRecord.FamiliarityFlag(false, 0.4))))
                .doesNotContain("UNFAMILIAR");
        assertThat(HistoryView.describe(run(null))).doesNotContain("UNFAMILIAR");
    }
}
