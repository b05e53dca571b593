package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.PreprocessingSpec;

class SampleMixTest {
    private static final ModelMetadata BINARY = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1",
            ModelMetadata.BINARY, List.of("COVID", "non-COVID"), PreprocessingSpec.ofSize(32), "cnn", 1, 0, null,
            null);

    @Test
    void aDepartmentsFilmsAreTakenAsWithoutCovidUnlessSaid() {
        assertThat(SampleMix.parse(null, BINARY)).containsExactly(0, 1);
        assertThat(SampleMix.parse("Normal", BINARY)).containsExactly(0, 1);
        assertThat(SampleMix.parse("COVID=0.1, Normal=0.9", BINARY)).containsExactly(0.1, 0.9);
        assertThat(SampleMix.parse("training", BINARY)).isNull();
        assertThat(SampleMix.describe(new double[] {0.1, 0.9}, BINARY)).isEqualTo("COVID 10%, non-COVID 90%");
    }

    @Test
    void sharesMustAddUpAndClassesMustExist() {
        assertThatThrownBy(() -> SampleMix.parse("COVID=0.5", BINARY)).hasMessageContaining("add up to 0.5");
        assertThatThrownBy(() -> SampleMix.parse("COVID=x,Normal=0.5", BINARY)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SampleMix.parse("COVID,Normal", BINARY)).hasMessageContaining("between 0 and 1");
    }
}
