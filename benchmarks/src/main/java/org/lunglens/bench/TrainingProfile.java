package org.lunglens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lunglens.model.Classifier;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where one training step's time goes, for the model's own architecture with fresh weights, run as the trainer
 * runs it ({@code Trainer.forTraining}: libnd4j's native layers, convolution outputs kept for the backward pass;
 * Adam): the whole {@code fit} of a batch of 64, forward and backward without the
 * update ({@code computeGradientAndScore}), then every layer's forward (training mode) and backward timed alone
 * (median of repeated calls). {@code python/torch_train_profile.py} times the same layers in PyTorch, so the two
 * tables read side by side, layer by layer.
 *
 * <p>Usage: {@code TrainingProfile MODEL.zip DATA_DIR THREADS REPS [OUT_DIR]}; with OUT_DIR it writes the layer
 * list ({@code dl4j.json}, as {@link SideBySide} does) that the Python side builds its twin from. With {@code
 * -Dlunglens.bench.fitOnlySeconds=N} it only runs {@code fit} for N seconds, for a sampling profiler: timed alone,
 * a layer allocates its arrays afresh where {@code fit} reuses workspaces, so the table overstates the cheap
 * layers; the profile of {@code fit} shows their share as training runs them.
 */
public final class TrainingProfile {
    private static final int BATCH = 64;

    private TrainingProfile() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("lunglens.bench.data", args[1]);
        Fixtures.threads(Integer.parseInt(args[2]));
        int reps = Integer.parseInt(args[3]);
        LoadedModel model = ModelFile.load(Path.of(args[0]));
        Classifier classifier = new Classifier(model);
        List<float[]> inputs = Fixtures.inputs(classifier, BATCH);
        if (args.length > 4) {
            Path out = Path.of(args[4]);
            Files.createDirectories(out.resolve("weights"));
            SideBySide.writeLayerList(model, out);
        }
        int classes = model.metadata().classes().size();
        MultiLayerNetwork net = new MultiLayerNetwork(model.network().getLayerWiseConfigurations().clone());
        net.init();
        Trainer.forTraining(net);
        String cacheMode = System.getProperty("lunglens.bench.cacheMode"); // NONE: DL4J's default, to compare
        if (cacheMode != null) {
            ModelFile.withCacheMode(net, CacheMode.valueOf(cacheMode));
        }
        System.out.println("cache mode: " + net.getLayerWiseConfigurations().getCacheMode());
        INDArray x = InputTensors.of(inputs, model.preprocessor().spec().size());
        INDArray y = Nd4j.zeros(BATCH, classes);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % classes, 1.0);
        }
        DataSet batch = new DataSet(x, y);
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        long fitOnly = Long.getLong("lunglens.bench.fitOnlySeconds", 0);
        if (fitOnly > 0) { // nothing but fit() for a sampling profiler (JFR) to see the steps as training runs them
            long end = System.nanoTime() + fitOnly * 1_000_000_000L;
            int steps = 0;
            for (; System.nanoTime() < end; steps++) {
                net.fit(batch);
            }
            System.out.printf(Locale.ROOT, "%d fit steps in %d s%n", steps, fitOnly);
            return;
        }
        double fit = Timing.medianMillis(reps, () -> net.fit(batch));
        net.setInput(x);
        net.setLabels(y);
        double gradient = Timing.medianMillis(reps, net::computeGradientAndScore);
        System.out.printf(Locale.ROOT, "batch %d: fit %.1f ms (%.1f images/s); forward + backward %.1f ms; "
                + "update and the rest %.1f ms%n", BATCH, fit, BATCH * 1000 / fit, gradient, fit - gradient);
        if (Boolean.parseBoolean(System.getProperty("lunglens.bench.layers", "true"))) {
            layerByLayer(net, x, y, reps);
        }
    }

    /** Each layer's forward (training mode) and backward alone, on the activations of a real forward pass. */
    private static void layerByLayer(MultiLayerNetwork net, INDArray x, INDArray y, int reps) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        int n = net.getnLayers();
        INDArray[] layerInputs = new INDArray[n];
        double[] forward = new double[n];
        INDArray in = x;
        for (int i = 0; i < n; i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            INDArray layerIn = pre == null ? in : pre.preProcess(in, BATCH, mgr);
            Layer layer = net.getLayer(i);
            layerInputs[i] = layerIn;
            forward[i] = Timing.medianMillis(reps, () -> layer.activate(layerIn, true, mgr));
            in = layer.activate(layerIn, true, mgr);
        }
        ((IOutputLayer) net.getOutputLayer()).setLabels(y);
        double[] backward = new double[n];
        INDArray epsilon = null;
        for (int i = n - 1; i >= 0; i--) {
            Layer layer = net.getLayer(i);
            INDArray eps = epsilon;
            INDArray layerIn = layerInputs[i];
            backward[i] = backwardMillis(reps, () -> layer.activate(layerIn, true, mgr),
                    () -> layer.backpropGradient(eps, mgr));
            layer.activate(layerIn, true, mgr);
            epsilon = layer.backpropGradient(eps, mgr).getSecond();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                epsilon = pre.backprop(epsilon, BATCH, mgr);
            }
        }
        double sumForward = 0;
        double sumBackward = 0;
        System.out.println("layer                            input shape          forward ms  backward ms");
        for (int i = 0; i < n; i++) {
            System.out.printf(Locale.ROOT, "%2d %-29s %-20s %8.2f %12.2f%n", i,
                    net.getLayer(i).getClass().getSimpleName(), shape(layerInputs[i]), forward[i], backward[i]);
            sumForward += forward[i];
            sumBackward += backward[i];
        }
        System.out.printf(Locale.ROOT, "   sum of layers                                       %8.1f %12.1f%n",
                sumForward, sumBackward);
    }

    /**
     * Median milliseconds of {@code backward} alone, each call after an untimed {@code forward}: a layer's backward
     * uses (and some, as dropout, clear) what its forward left.
     */
    private static double backwardMillis(int reps, Runnable forward, Runnable backward) {
        for (int i = 0; i < Math.max(3, reps / 10); i++) {
            forward.run();
            backward.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            forward.run();
            long start = System.nanoTime();
            backward.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }

    private static String shape(INDArray a) {
        StringBuilder s = new StringBuilder();
        for (long d : a.shape()) {
            s.append(s.length() == 0 ? "" : "x").append(d);
        }
        return s.toString();
    }
}
