package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The pass in reused memory gives what DL4J's feedForward gives, layer for layer, batch after batch, pass after pass. */
class KeptLayersPassTest {
    @Test
    void everyLayerAndTheOutputEqualFeedForwardAcrossBatchesOfChangingSize() {
        Architectures.Network network = Architectures.cnn(24, 3, 2, new int[] {8, 8, 16}, true, new float[] {1, 1, 1},
                1e-2, 1.0, 9);
        MultiLayerNetwork net = BatchNormFolding.fold(
                FittedBatchNormNets.fit(network, 3, FittedBatchNormNets.shiftedInputs(6, 16, 24), 5));
        // A second, smaller network's pass in turn: passes share the thread's memory
        MultiLayerNetwork other = BatchNormFolding.fold(FittedBatchNormNets.fit(Architectures.cnn(24, 2, 2,
                new int[] {4, 8}, true, new float[] {1, 1}, 1e-2, 1.0, 3), 2, FittedBatchNormNets.shiftedInputs(8, 16, 24), 3));
        KeptLayersPass pass = new KeptLayersPass(net);
        KeptLayersPass otherPass = new KeptLayersPass(other);

        // Larger after smaller: the reused memory must grow, and stale rows must not leak into a smaller batch
        for (int[] batch : new int[][] {{5, 1}, {16, 2}, {3, 3}, {16, 4}}) {
            INDArray x = FittedBatchNormNets.shiftedInputs(batch[1], batch[0], 24);
            assertThat(otherPass.run(x, layers -> { })).isDeepEqualTo(other.output(x, false).toFloatMatrix());
            List<INDArray> expected = net.feedForward(x, false);
            List<float[]> seen = new ArrayList<>();

            float[][] out = pass.run(x, layers -> layers.forEach(a -> seen.add(a.dup().data().asFloat())));

            assertThat(seen).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(seen.get(i)).as("layer output %d", i - 1).containsExactly(expected.get(i).dup().data().asFloat());
            }
            assertThat(out).isDeepEqualTo(expected.get(expected.size() - 1).toFloatMatrix());
        }
    }
}
