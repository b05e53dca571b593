import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.datavec.image.loader.NativeImageLoader;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.model.PreprocessingSpec;
import org.lunglens.model.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-off probe behind the README's "why not DataVec's image loader": decode + resize of real films to a float[]
 * in [0, 1], LungLens's ImageLoader + Preprocessor against DataVec's NativeImageLoader, and what each makes of a
 * 16-bit PNG. Needs a build that still has datavec-data-image (commit 892690d):
 *
 * <pre>
 * git worktree add /tmp/with-datavec 892690d && cd /tmp/with-datavec && mvn -B -q package -DskipTests
 * java -cp "target/classes:target/lib/*" "$OLDPWD/benchmarks/probes/ImageLoaderVsDataVec.java" \
 *     "$OLDPWD/../shared/data/covid19-radiography-128" 500 "$OLDPWD/../shared/data/samples"
 * </pre>
 */
public class ImageLoaderVsDataVec {
    public static void main(String[] args) throws Exception {
        List<Path> files = evenlySpread(Path.of(args[0]), Integer.parseInt(args[1]));
        for (int size : new int[] {128, 64}) {
            Preprocessor preprocessor = new Preprocessor(PreprocessingSpec.ofSize(size));
            ImageLoader ours = new ImageLoader();
            long t0 = System.nanoTime();
            NativeImageLoader datavec = new NativeImageLoader(size, size, 1);
            datavec.asMatrix(files.get(0).toFile());
            double firstCall = (System.nanoTime() - t0) / 1e9;
            double bestOurs = 0;
            double bestDatavec = 0;
            for (int round = 0; round < 4; round++) { // round 0 warms up
                long start = System.nanoTime();
                for (Path f : files) {
                    preprocessor.toInput(ours.load(f).pixels());
                }
                double oursRate = files.size() / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                for (Path f : files) {
                    float[] v = datavec.asMatrix(f.toFile()).data().asFloat();
                    for (int i = 0; i < v.length; i++) {
                        v[i] /= 255f; // in Java: an ND4J op per film costs more than the decode on a busy machine
                    }
                }
                double datavecRate = files.size() / ((System.nanoTime() - start) / 1e9);
                if (round > 0) {
                    bestOurs = Math.max(bestOurs, oursRate);
                    bestDatavec = Math.max(bestDatavec, datavecRate);
                }
            }
            System.out.printf(Locale.ROOT, "%d px: ImageLoader %.0f films/s, NativeImageLoader %.0f films/s "
                    + "(best of 3 rounds); NativeImageLoader's first call %.1f s%n", size, bestOurs, bestDatavec, firstCall);
        }
        Path samples = Path.of(args[2]);
        for (String name : new String[] {"COVID-1", "Normal-1"}) {
            NativeImageLoader datavec = new NativeImageLoader(128, 128, 1);
            INDArray eight = datavec.asMatrix(samples.resolve(name + ".png").toFile());
            INDArray sixteen = datavec.asMatrix(samples.resolve(name + "-16bit.png").toFile());
            System.out.printf(Locale.ROOT, "%s: NativeImageLoader max 8-bit %.0f, 16-bit %.0f%n", name,
                    eight.maxNumber().doubleValue(), sixteen.maxNumber().doubleValue());
        }
        System.exit(0); // ND4J's threads would keep the JVM up
    }

    private static List<Path> evenlySpread(Path root, int n) throws Exception {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(all.get(i * all.size() / n));
        }
        return picked;
    }
}
