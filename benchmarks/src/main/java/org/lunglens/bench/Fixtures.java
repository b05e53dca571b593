package org.lunglens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.Classifier;
import org.lunglens.model.Nd4jSettings;

/**
 * What every benchmark needs: the model under test ({@code -Dlunglens.bench.model}), the data folder
 * ({@code -Dlunglens.bench.data}) and ND4J's thread count. run.sh passes both paths to the forked JVMs.
 */
final class Fixtures {
    private Fixtures() {
    }

    static Path model() {
        return existing("lunglens.bench.model", "the model zip to benchmark");
    }

    static Path data() {
        return existing("lunglens.bench.data", "the covid19-radiography-128 folder");
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("-D" + property + " must name " + what + " (got " + value + ")");
        }
        return Path.of(value);
    }

    /** 0 keeps ND4J's own default; anything else caps ND4J at that many threads. */
    static void threads(int threads) {
        if (threads > 0) {
            Nd4jSettings.useThreads(threads);
        }
        System.out.println("# " + Nd4jSettings.describe() + " (param " + threads + ")");
    }

    /** The first {@code n} PNGs of the data folder, in name order over all class folders. */
    static List<Path> images(int n) throws IOException {
        try (Stream<Path> files = Files.walk(data())) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().limit(n).toList();
        }
    }

    /** The first {@code n} images of {@link #images}, preprocessed as {@code classifier}'s model expects. */
    static List<float[]> inputs(Classifier classifier, int n) throws IOException, ImageLoadException {
        List<float[]> out = new ArrayList<>();
        for (PixelData p : pixels(n)) {
            out.add(classifier.preprocessor().toInput(p));
        }
        return out;
    }

    static List<PixelData> pixels(int n) throws IOException, ImageLoadException {
        ImageLoader loader = new ImageLoader();
        List<PixelData> out = new ArrayList<>();
        for (Path p : images(n)) {
            out.add(loader.load(p).pixels());
        }
        return out;
    }
}
