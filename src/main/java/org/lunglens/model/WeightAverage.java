package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of a network's parameters, updated after every training step, used for
 * validation and for the saved model. Why: with batch norm, L2 and Adam the weights keep jittering from epoch
 * to epoch (validation loss 0.07-0.17 between neighbouring epochs at a learning rate of 1e-4), and the average
 * sits in the middle of that jitter. Batch norm's running statistics are parameters in DL4J and are averaged too.
 */
final class WeightAverage {
    private final double decay;
    private final INDArray average;
    private long steps;
    /** Past this many steps the ramp (1 + t) / (10 + t) exceeds any decay below 0.99999. */
    private static final long RAMP_DONE = 1_000_000;

    private WeightAverage(double decay, INDArray average) {
        this.decay = decay;
        this.average = average;
    }

    /** Starts from the network's current, freshly initialised parameters (they fade out over the first steps). */
    static WeightAverage of(MultiLayerNetwork net, double decay) {
        return new WeightAverage(decay, net.params().dup());
    }

    /**
     * Continues an average saved by {@link #save}, or starts one from the network's trained parameters when there
     * is none (a run resumed with --ema for the first time); either way without the ramp of a fresh start.
     */
    static WeightAverage resume(MultiLayerNetwork net, double decay, Path file) throws IOException {
        INDArray saved = Files.exists(file) ? Nd4j.readBinary(file.toFile()) : null;
        WeightAverage average = saved != null && saved.length() == net.numParams()
                ? new WeightAverage(decay, saved.reshape(net.params().shape()))
                : of(net, decay);
        average.steps = RAMP_DONE;
        return average;
    }

    /**
     * average = d * average + (1 - d) * params, in place, with d ramping up to the decay over the first
     * steps, (1 + t) / (10 + t), so that the starting weights (random at first) fade out quickly.
     */
    void update(MultiLayerNetwork net) {
        steps++;
        double d = Math.min(decay, (1.0 + steps) / (10.0 + steps));
        average.muli(d);
        Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - d, net.params(), average);
    }

    /** Runs {@code work} with the averaged parameters in the network, then puts the trained ones back. */
    <T> T apply(MultiLayerNetwork net, Callable<T> work) throws Exception {
        INDArray trained = net.params().dup();
        net.setParams(average);
        try {
            return work.call();
        } finally {
            net.setParams(trained);
        }
    }

    void save(Path file) throws IOException {
        Nd4j.saveBinary(average, file.toFile());
    }
}
