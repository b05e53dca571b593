package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread caps reach ND4J's BLAS and OpenMP settings (its own environment count ignores them in M2.1). */
class Nd4jSettingsTest {
    @AfterEach
    void restore() {
        System.clearProperty(Nd4jSettings.THREADS_PROPERTY);
        Nd4jSettings.useThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void inferenceDefaultsToOneThread() {
        Nd4jSettings.forInference();
        assertThat(Nd4jSettings.describe()).contains("master 1", "BLAS 1", "OpenMP 1");
    }

    @Test
    void propertyOverridesTheDefault() {
        System.setProperty(Nd4jSettings.THREADS_PROPERTY, "2");
        Nd4jSettings.forInference();
        assertThat(Nd4jSettings.describe()).contains("master 2", "BLAS 2", "OpenMP 2");
    }

    @Test
    void batchJobsUseEveryCoreUnlessToldOtherwise() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        Nd4jSettings.forBatchInference();
        assertThat(Nd4jSettings.describe()).contains("master " + cores, "BLAS " + cores, "OpenMP " + cores);

        System.setProperty(Nd4jSettings.THREADS_PROPERTY, "1");
        Nd4jSettings.forBatchInference();
        assertThat(Nd4jSettings.describe()).contains("master 1", "BLAS 1", "OpenMP 1");
    }

    @Test
    void refusesZeroThreads() {
        assertThatThrownBy(() -> Nd4jSettings.useThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
