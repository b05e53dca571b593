package org.lunglens.testutil;

import java.nio.file.Path;
import java.util.List;
import org.lunglens.model.Architectures;
import org.lunglens.model.EpochRecord;
import org.lunglens.model.Trainer;
import org.lunglens.model.TrainingListener;
import org.lunglens.model.TrainingOptions;

/** Tiny CNNs trained in seconds on a few dozen real films, so tests never depend on the bundled models. */
public final class TinyModels {
    public static final List<String> CLASSES = List.of("COVID", "Normal", "Viral_Pneumonia");

    private TinyModels() {
    }

    /** Trains a {@code task} ("binary" or "multiclass") model into {@code out}, 32x32 input. */
    public static Path train(Path data, String task, Path out, int epochs) throws Exception {
        return train(new TrainingOptions(data, task, out, 32, Architectures.CNN, 4, new int[] {8, 8, 16},
                epochs, 16, 10, 0, 0.003, 7, false));
    }

    /** The same with batch norms, as the bundled networks have (and so per-class batch-norm statistics). */
    public static Path trainWithBatchNorm(Path data, String task, Path out, int epochs) throws Exception {
        return train(new TrainingOptions(data, task, out, 32, Architectures.CNN, 4, new int[] {8, 8, 16}, epochs, 16,
                10, 0, 0.003, 7, false, 0, "", true, 0.9, 0, new int[] {1}));
    }

    private static Path train(TrainingOptions options) throws Exception {
        Path out = options.out();
        new Trainer(options, new TrainingListener() {
            @Override
            public void message(String text) {
            }

            @Override
            public void batch(int epoch, int maxEpochs, long imagesDone, long imagesTotal, double meanLoss,
                              double imagesPerSecond) {
            }

            @Override
            public void epoch(EpochRecord record, boolean best) {
            }
        }).train();
        return out;
    }
}
