package org.lunglens.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.PreprocessingSpec;
import org.lunglens.model.Preprocessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decoding a 128 px PNG of the data set, and turning its pixels into the model input. One thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImageBench {
    private final ImageLoader loader = new ImageLoader();
    private final Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.ofSize(128));
    private List<Path> files;
    private List<PixelData> pixels;
    private int next;

    @Setup
    public void setup() throws Exception {
        files = Fixtures.images(64);
        pixels = Fixtures.pixels(64);
    }

    @Benchmark
    public float[] loadAndPreprocess() throws Exception {
        Path file = files.get(next++ & 63);
        return preprocessor.toInput(loader.load(file).pixels());
    }

    @Benchmark
    public float[] preprocessOnly() {
        return preprocessor.toInput(pixels.get(next++ & 63));
    }
}
