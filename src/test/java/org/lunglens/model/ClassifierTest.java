package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classifier refills one input tensor between batches; every batch must still get its own answers. */
class ClassifierTest {
    private static final int SIZE = 24;

    @Test
    void batchesOfChangingSizesGetTheNetworksOwnOutputs() {
        Architectures.Network network = Architectures.cnn(SIZE, 3, 2, new int[] {8, 8}, true, new float[] {1, 1, 1},
                1e-3, 1.0, 5);
        MultiLayerNetwork net = Trainer.freshNetwork(network.config());
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m", "1.0", ModelMetadata.MULTICLASS,
                List.of("a", "b", "c"), PreprocessingSpec.ofSize(SIZE), network.description(), net.numParams(),
                network.gradCamLayer(), Map.of(), Map.of());
        Classifier classifier = new Classifier(new LoadedModel(Path.of("m.zip"), net, meta));
        Random random = new Random(8);

        // 4, 4 again (the tensor is reused), 2 (a new one), 4 (new again)
        for (int n : new int[] {4, 4, 2, 4}) {
            List<float[]> inputs = randomInputs(n, random);
            INDArray expected = net.output(InputTensors.of(inputs, SIZE), false);

            float[][] actual = classifier.predictInputs(inputs);

            assertThat(actual).hasNumberOfRows(n);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(actual[i][c]).isCloseTo(expected.getFloat(i, c), within(1e-6f));
                }
            }
        }
    }

    private static List<float[]> randomInputs(int n, Random random) {
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[SIZE * SIZE];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextFloat();
            }
            inputs.add(x);
        }
        return inputs;
    }
}
