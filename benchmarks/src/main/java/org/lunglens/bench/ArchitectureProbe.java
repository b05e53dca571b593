package org.lunglens.bench;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.Architectures;
import org.lunglens.model.ModelFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and inference speed of candidate CNNs at 128 px, batch 64, each with DL4J's own layers and with
 * {@link ModelFile#prepare} (libnd4j's ops; oneDNN in the shipped build): the numbers behind the bundled
 * models' architecture (docs/MODELS.md). Random inputs: speed does not depend on the pixels.
 * Usage: {@code ArchitectureProbe [STEPS] [--deep]} (default 10 timed training steps per network);
 * {@code --deep} times only the deeper candidates (more 3x3 convolutions per block), native helpers only.
 */
public final class ArchitectureProbe {
    private static final int SIZE = 128;
    private static final int BATCH = 64;

    /** stem, widths, 3x3 convolutions per block, batch norm: the candidates compared for the bundled models. */
    private record Candidate(int stem, int[] widths, int[] convs, boolean batchNorm) {
        Candidate(int stem, int[] widths, boolean batchNorm) {
            this(stem, widths, new int[] {1}, batchNorm);
        }

        String name() {
            String depth = convs.length == 1 && convs[0] == 1 ? "" : ", convs " + java.util.Arrays.toString(convs);
            return String.format(Locale.ROOT, "stem %d, widths %s%s%s", stem, java.util.Arrays.toString(widths),
                    depth, batchNorm ? ", BN" : "");
        }
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(8, new int[] {64, 64, 128}, false),
            new Candidate(4, new int[] {32, 64, 128, 128}, false),
            new Candidate(4, new int[] {32, 64, 128, 128}, true),
            new Candidate(2, new int[] {16, 32, 64, 128, 128}, false),
            new Candidate(2, new int[] {16, 32, 64, 128, 128}, true));

    private static final List<Candidate> DEEPER = List.of(
            new Candidate(4, new int[] {32, 64, 128, 128}, true),
            new Candidate(4, new int[] {32, 64, 128, 128}, new int[] {1, 2, 2}, true),
            new Candidate(4, new int[] {32, 64, 128, 256}, new int[] {1, 2, 2}, true),
            new Candidate(4, new int[] {32, 64, 128, 128}, new int[] {2}, true),
            new Candidate(4, new int[] {32, 48, 96, 192}, new int[] {2}, true),
            new Candidate(4, new int[] {32, 64, 128, 256}, new int[] {2}, true),
            new Candidate(4, new int[] {32, 64, 128, 128}, new int[] {2, 2, 3}, true),
            new Candidate(4, new int[] {32, 64, 128, 128}, new int[] {2, 3, 3}, true));

    private ArchitectureProbe() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10;
        boolean deep = java.util.Arrays.asList(args).contains("--deep");
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 1, SIZE, SIZE);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 2);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 2, 1);
        }
        DataSet batch = new DataSet(x, y);
        System.out.println("| network | parameters | DL4J layers: train / infer (images/s) | native helpers: train / infer |");
        System.out.println("|---|---|---|---|");
        for (Candidate c : deep ? DEEPER : CANDIDATES) {
            if (deep) {
                double[] helped = measure(c, true, batch, steps);
                System.out.printf(Locale.ROOT, "| %s | %,d | | %.0f / %.0f |%n", c.name(), (long) helped[2], helped[0],
                        helped[1]);
                continue;
            }
            double[] plain = measure(c, false, batch, steps);
            double[] helped = measure(c, true, batch, steps);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.0f / %.0f | %.0f / %.0f |%n", c.name(), (long) plain[2],
                    plain[0], plain[1], helped[0], helped[1]);
        }
    }

    /** Training images/s, inference images/s and the parameter count. */
    private static double[] measure(Candidate c, boolean helpers, DataSet batch, int steps) {
        MultiLayerNetwork net = new MultiLayerNetwork(Architectures.cnn(SIZE, 2, c.stem(), c.widths(), c.convs(), c.batchNorm(),
                new float[] {1, 1}, 1e-3, 1.0, 42).config());
        net.init();
        if (helpers) {
            ModelFile.prepare(net);
        }
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.fit(batch);
        }
        double train = steps * BATCH / ((System.nanoTime() - start) / 1e9);
        net.output(batch.getFeatures(), false);
        start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.output(batch.getFeatures(), false);
        }
        double infer = steps * BATCH / ((System.nanoTime() - start) / 1e9);
        return new double[] {train, infer, net.numParams()};
    }
}
