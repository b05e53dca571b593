package org.lunglens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lunglens.imaging.PixelData;
import org.lunglens.model.Classifier;
import org.lunglens.model.InputTensors;
import org.lunglens.model.ModelFile;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Each convolution of the model two ways: DL4J's layer (im2col and gemm driven from Java; DL4J 1.0.0-M2.1
 * never uses its oneDNN helper, whose check looks for a class that moved) against libnd4j's own
 * {@code conv2d} op, which uses oneDNN when the native build has it. Prints times and the largest difference.
 * Usage: {@code ConvOpProbe MODEL.zip DATA_DIR THREADS REPS}.
 */
public final class ConvOpProbe {
    private ConvOpProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("lunglens.bench.data", args[1]);
        Fixtures.threads(Integer.parseInt(args[2]));
        int reps = Integer.parseInt(args[3]);
        Classifier classifier = new Classifier(ModelFile.load(Path.of(args[0])));
        MultiLayerNetwork net = classifier.model().network();
        List<float[]> inputs = new ArrayList<>();
        for (PixelData p : Fixtures.pixels(64)) {
            inputs.add(classifier.preprocessor().toInput(p));
        }
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        for (int batch : new int[] {1, 64}) {
            INDArray in = InputTensors.of(inputs.subList(0, batch), 128);
            for (int i = 0; i < net.getnLayers(); i++) {
                INDArray layerIn = in;
                int layer = i;
                if (net.getLayer(i).conf().getLayer() instanceof ConvolutionLayer conf) {
                    INDArray w = net.getLayer(i).getParam("W");
                    INDArray b = net.getLayer(i).getParam("b").reshape(-1);
                    Conv2DConfig cfg = Conv2DConfig.builder().kH(conf.getKernelSize()[0]).kW(conf.getKernelSize()[1])
                            .sH(conf.getStride()[0]).sW(conf.getStride()[1]).paddingMode(PaddingMode.SAME)
                            .dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
                    INDArray dl4j = net.getLayer(i).activate(layerIn, false, mgr);
                    INDArray op = Transforms.relu(Nd4j.exec(new Conv2D(layerIn, w, b, cfg))[0], false);
                    double dl4jMs = median(reps, () -> net.getLayer(layer).activate(layerIn, false, mgr));
                    double opMs = median(reps, () -> Transforms.relu(Nd4j.exec(new Conv2D(layerIn, w, b, cfg))[0], false));
                    System.out.printf(Locale.ROOT, "batch %2d layer %d %s: DL4J layer %8.2f ms, conv2d op %8.2f ms, max diff %.2e%n",
                            batch, i, Arrays.toString(dl4j.shape()), dl4jMs, opMs,
                            dl4j.sub(op).amaxNumber().doubleValue());
                }
                in = net.getLayer(i).activate(layerIn, false, mgr);
            }
        }
    }

    private static double median(int reps, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }
}
