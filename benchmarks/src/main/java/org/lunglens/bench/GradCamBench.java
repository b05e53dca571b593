package org.lunglens.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.imaging.PixelData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the app does when an image is opened: preprocessing, prediction and the Grad-CAM of the predicted
 * class ({@code analyse}, the "under 20 ms" target), and the Grad-CAM of another class alone
 * ({@code explainOnly}, a click on a class).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradCamBench {
    @Param({"0", "1", "2"})
    public int threads;

    private ModelSession session;
    private List<PixelData> pixels;
    private Analysis first;
    private int next;

    @Setup
    public void setup() throws Exception {
        Fixtures.threads(threads);
        session = ModelSession.open(Fixtures.model());
        pixels = Fixtures.pixels(64);
        first = session.analyse(pixels.get(0), -1);
    }

    @Benchmark
    public Analysis analyse() {
        return session.analyse(pixels.get(next++ & 63), -1);
    }

    @Benchmark
    public Analysis explainOnly() {
        return session.explain(first, next++ & 1);
    }
}
