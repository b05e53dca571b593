package org.lunglens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.Classifier;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Prediction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The model on decoded images: one image as the app runs it (preprocessing included), and batches of
 * 32 and 64 preprocessed inputs as {@code lunglens classify} runs them. Times are per call; images/s of a
 * batch is its size over the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InferenceBench {
    /** ND4J threads; 0 = ND4J's default. */
    @Param({"0", "1", "2"})
    public int threads;

    private Classifier classifier;
    private List<PixelData> pixels;
    private List<float[]> inputs;
    private int next;

    @Setup
    public void setup() throws Exception {
        Fixtures.threads(threads);
        classifier = new Classifier(ModelFile.load(Fixtures.model()));
        pixels = Fixtures.pixels(64);
        inputs = new ArrayList<>();
        for (PixelData p : pixels) {
            inputs.add(classifier.preprocessor().toInput(p));
        }
    }

    @Benchmark
    public Prediction single() {
        return classifier.predict(pixels.get(next++ & 63));
    }

    @Benchmark
    public float[][] batch32() {
        return classifier.predictInputs(inputs.subList(0, 32));
    }

    @Benchmark
    public float[][] batch64() {
        return classifier.predictInputs(inputs);
    }
}
