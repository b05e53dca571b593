package org.lunglens.testutil;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.Architectures;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.PreprocessingSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A 16x16 dense binary model trained for a few steps on noise: a real model file in well under a second. */
public final class TinyModel {
    public static final String NAME = "tiny-test";
    public static final List<String> CLASSES = List.of(ModelMetadata.COVID, "Normal");
    private static final int SIZE = 16;

    private TinyModel() {
    }

    /**
     * A few steps of a binary network on uniform noise (alternate rows labelled each class): every parameter, batch
     * norms' statistics included, moves away from its initial value in well under a second.
     */
    public static void fitOnNoise(MultiLayerNetwork net, int size, long seed) {
        Random random = new Random(seed);
        for (int step = 0; step < 5; step++) {
            float[] pixels = new float[8 * size * size];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            float[] labels = new float[8 * 2];
            for (int i = 0; i < 8; i++) {
                labels[i * 2 + i % 2] = 1;
            }
            net.fit(new DataSet(Nd4j.create(pixels, new long[] {8, 1, size, size}), Nd4j.create(labels, new long[] {8, 2})));
        }
    }

    public static Path write(Path file) throws Exception {
        Architectures.Network network = Architectures.ann(SIZE, 2, new float[] {1, 1}, 5);
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        fitOnNoise(net, SIZE, 5);
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, NAME, "test", ModelMetadata.BINARY,
                CLASSES, PreprocessingSpec.ofSize(SIZE), network.description(), net.numParams(),
                network.gradCamLayer(), Map.of(), Map.of());
        ModelFile.save(net, meta, file, false);
        return file;
    }
}
