package org.lunglens.gradcam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.Architectures;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelLoadException;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.PreprocessingSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Generated images whose class is the presence of a bright blob at a random position. */
public final class BlobImages {
    public static final int SIZE = 64;
    public static final int RADIUS = 10;

    private BlobImages() {
    }

    /** A noisy background; when {@code blobX >= 0}, a bright disc centred there. */
    public static float[] image(Random random, int blobX, int blobY) {
        float[] img = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float v = 0.3f + 0.1f * (float) random.nextGaussian();
                if (blobX >= 0 && inBlob(x, y, blobX, blobY)) {
                    v = 0.9f + 0.05f * (float) random.nextGaussian();
                }
                img[y * SIZE + x] = Math.max(0, Math.min(1, v));
            }
        }
        return img;
    }

    public static boolean inBlob(int x, int y, int blobX, int blobY) {
        int dx = x - blobX;
        int dy = y - blobY;
        return dx * dx + dy * dy <= RADIUS * RADIUS;
    }

    public static int randomCentre(Random random) {
        return RADIUS + random.nextInt(SIZE - 2 * RADIUS);
    }

    /** Class index of "blob" in the detector's output ("empty" is 0). */
    public static final int BLOB = 1;

    /**
     * Trains a tiny CNN (stem 4, then {@code widths}) to tell blob images from empty ones, saves it in
     * {@code dir} and loads it back, as the app would: explanations must work on a reloaded network.
     */
    public static LoadedModel trainDetector(Path dir, int[] widths) throws IOException, ModelLoadException {
        // Trained once per test JVM and widths (training is deterministic): several test classes use one
        Path trained = TRAINED.get(Arrays.toString(widths));
        if (trained == null || !Files.isRegularFile(trained)) {
            trained = train(Files.createTempDirectory("lunglens-blob"), widths);
            // Deleted in reverse order of registration: the file, then its folder
            trained.getParent().toFile().deleteOnExit();
            trained.toFile().deleteOnExit();
            TRAINED.put(Arrays.toString(widths), trained);
        }
        Path file = dir.resolve("blob.zip");
        Files.copy(trained, file, StandardCopyOption.REPLACE_EXISTING);
        return ModelFile.load(file);
    }

    private static final Map<String, Path> TRAINED = new HashMap<>();

    private static Path train(Path dir, int[] widths) throws IOException {
        Architectures.Network network = Architectures.cnn(SIZE, 2, 4, widths, new float[] {1, 1}, 0.003, 11);
        MultiLayerNetwork net = new MultiLayerNetwork(network.config());
        net.init();
        Random random = new Random(3);
        for (int step = 0; step < 150; step++) {
            List<float[]> inputs = new ArrayList<>();
            INDArray labels = Nd4j.zeros(32, 2);
            for (int i = 0; i < 32; i++) {
                boolean blob = i % 2 == 0;
                inputs.add(blob ? image(random, randomCentre(random), randomCentre(random)) : image(random, -1, -1));
                labels.putScalar(i, blob ? BLOB : 0, 1);
            }
            net.fit(new DataSet(InputTensors.of(inputs, SIZE), labels));
        }
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "blob", "test", ModelMetadata.MULTICLASS,
                List.of("empty", "blob"), PreprocessingSpec.ofSize(SIZE), network.description(),
                net.numParams(), network.gradCamLayer(), Map.of(), Map.of());
        Path file = dir.resolve("blob.zip");
        ModelFile.save(net, meta, file, false);
        return file;
    }
}
