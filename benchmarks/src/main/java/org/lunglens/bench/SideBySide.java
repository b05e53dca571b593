package org.lunglens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.Classifier;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Trainer;
import org.lunglens.model.Nd4jSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J half of the PyTorch comparison, timed the same way as {@code python/torch_bench.py} (plain
 * loops, median of single calls): it exports the model's weights and 64 real preprocessed inputs with
 * DL4J's outputs for them (so the Python side can check it runs the same network), then times one
 * image, a batch of 64 and training steps of 64.
 *
 * <p>Usage: {@code SideBySide MODEL.zip DATA_DIR OUT_DIR QUICK(true|false) THREADS[,THREADS]}. Writes
 * {@code OUT_DIR/weights/*.f32} with {@code weights.json}, {@code inputs.f32}, {@code outputs.f32} and
 * {@code dl4j.json}. Benchmark code, not the app: it may use DL4J directly.
 */
public final class SideBySide {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        System.setProperty("lunglens.bench.data", args[1]);
        Path out = Path.of(args[2]);
        boolean quick = Boolean.parseBoolean(args[3]);
        int[] threadCounts = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        Files.createDirectories(out.resolve("weights"));

        LoadedModel model = ModelFile.load(modelFile);
        Classifier classifier = new Classifier(model);
        List<float[]> inputs = Fixtures.inputs(classifier, 64);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("weights", exportWeights(model.network(), out.resolve("weights")));
        writeFloats(out.resolve("inputs.f32"), inputs);
        writeFloats(out.resolve("outputs.f32"), List.of(classifier.predictInputs(inputs)));
        result.put("classes", model.metadata().classes());

        // The network alone, as the peers run it: DL4J's own output() of the folded network, without the
        // familiarity check that the app computes from the same pass (it needs every layer's output kept)
        MultiLayerNetwork network = BatchNormFolding.fold(model.network());
        int size = model.preprocessor().spec().size();
        INDArray one = InputTensors.into(null, inputs.subList(0, 1), size);
        INDArray batch = InputTensors.into(null, inputs, size);
        int reps = quick ? 100 : 400;
        Map<String, Object> timings = new LinkedHashMap<>();
        // Warm-up before the first thread count: the app's path (prediction, familiarity check) is Java code that
        // the JIT compiles over hundreds of calls; without this the first thread count measured paid for it
        // (2026-12-06: 10.1 ms one image at 1 thread measured first, 4.6 ms measured after 2 threads)
        Nd4jSettings.useThreads(threadCounts[0]);
        for (int i = 0; i < (quick ? 200 : 1000); i++) {
            classifier.predictInputs(inputs.subList(0, 1));
            network.output(one, false);
        }
        for (int i = 0; i < (quick ? 5 : 20); i++) {
            classifier.predictInputs(inputs);
            network.output(batch, false);
        }
        for (int threads : threadCounts) {
            Nd4jSettings.useThreads(threads);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("single_ms_median", Timing.medianMillis(reps, () -> classifier.predictInputs(inputs.subList(0, 1))));
            t.put("single_cpu_ms_mean", cpuMillis(reps, () -> classifier.predictInputs(inputs.subList(0, 1))));
            t.put("single_network_ms_median", Timing.medianMillis(reps, () -> network.output(one, false)));
            int batchReps = quick ? 10 : 30;
            t.put("batch64_network_images_per_s", 64_000 / Timing.medianMillis(batchReps, () -> network.output(batch, false)));
            t.put("batch64_images_per_s", 64_000 / Timing.medianMillis(batchReps, () -> classifier.predictInputs(inputs)));
            t.put("batch64_cpu_images_per_s", 64_000 / cpuMillis(batchReps, () -> classifier.predictInputs(inputs)));
            t.put("train_images_per_s", trainImagesPerSecond(model.network(), inputs,
                    model.metadata().classes().size(), quick ? 10 : 40));
            timings.put(Integer.toString(threads), t);
        }
        result.put("timings", timings);
        JSON.writeValue(out.resolve("dl4j.json").toFile(), result);
        System.out.println(JSON.writeValueAsString(timings));
    }

    /** The model's layers and weights with its classes, as {@code dl4j.json} without timings (for profiles). */
    static void writeLayerList(LoadedModel model, Path out) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("weights", exportWeights(model.network(), out.resolve("weights")));
        result.put("classes", model.metadata().classes());
        JSON.writeValue(out.resolve("dl4j.json").toFile(), result);
    }

    /** Each parameterised layer's arrays, C order, little-endian float32, with shapes in the returned list. */
    private static List<Map<String, Object>> exportWeights(MultiLayerNetwork net, Path dir) throws IOException {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", i);
            entry.put("type", layer.conf().getLayer().getClass().getSimpleName());
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                INDArray a = p.getValue().dup('c');
                String file = "layer" + i + "_" + p.getKey() + ".f32";
                writeFloats(dir.resolve(file), List.of(a.data().asFloat()));
                params.put(p.getKey(), Map.of("file", file, "shape", a.shape()));
            }
            entry.put("params", params);
            layers.add(entry);
        }
        return layers;
    }

    private static void writeFloats(Path file, List<float[]> rows) throws IOException {
        int n = rows.stream().mapToInt(r -> r.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] r : rows) {
            for (float v : r) {
                buf.putFloat(v);
            }
        }
        Files.write(file, buf.array());
    }

    /**
     * A fresh network of the model's own architecture, run as the trainer runs it (native layer helpers, Adam),
     * on minibatches of the 64 inputs with fixed labels.
     */
    private static double trainImagesPerSecond(MultiLayerNetwork model, List<float[]> inputs, int classes, int steps) {
        MultiLayerNetwork net = new MultiLayerNetwork(model.getLayerWiseConfigurations().clone());
        net.init();
        Trainer.forTraining(net);
        INDArray x = InputTensors.of(inputs, 128);
        INDArray y = Nd4j.zeros(inputs.size(), classes);
        for (int i = 0; i < inputs.size(); i++) {
            y.putScalar(i, i % classes, 1.0);
        }
        DataSet batch = new DataSet(x, y);
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.fit(batch);
        }
        return steps * inputs.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Mean process CPU milliseconds (all threads) per call: on a machine busy with other work this is
     * close to what the wall clock would show on an idle one, where the wall clock is not.
     */
    private static double cpuMillis(int reps, Runnable call) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        for (int i = 0; i < reps; i++) {
            call.run();
        }
        return (os.getProcessCpuTime() - start) / 1e6 / reps;
    }
}
