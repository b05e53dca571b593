package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The moving average of the weights, computed by hand for one step. */
class WeightAverageTest {
    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(Architectures.ann(4, 2, new float[] {1, 1}, 3).config());
        net.init();
        return net;
    }

    @Test
    void firstStepWeighsTheStartByTheRampNotTheDecay(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = net();
        INDArray start = net.params().dup();
        WeightAverage average = WeightAverage.of(net, 0.9);
        INDArray trained = start.add(1.0);
        net.setParams(trained);

        average.update(net);

        // Step 1: d = min(0.9, 2 / 11)
        double d = 2.0 / 11;
        INDArray expected = start.mul(d).addi(trained.mul(1 - d));
        INDArray inside = average.apply(net, () -> net.params().dup());
        assertThat(inside.equalsWithEps(expected, 1e-6)).isTrue();
        assertThat(net.params().equalsWithEps(trained, 0)).as("trained weights back after apply").isTrue();

        Path file = dir.resolve("avg.bin");
        average.save(file);
        WeightAverage resumed = WeightAverage.resume(net, 0.9, file);
        assertThat(resumed.apply(net, () -> net.params().dup()).equalsWithEps(expected, 1e-6)).isTrue();

        // Resumed: the full decay from the first step, no ramp
        INDArray later = trained.add(1.0);
        net.setParams(later);
        resumed.update(net);
        INDArray expectedLater = expected.mul(0.9).addi(later.mul(0.1));
        assertThat(resumed.apply(net, () -> net.params().dup()).equalsWithEps(expectedLater, 1e-5)).isTrue();
    }
}
