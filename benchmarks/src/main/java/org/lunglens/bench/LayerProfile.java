package org.lunglens.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.Classifier;
import org.lunglens.model.InputTensors;
import org.lunglens.model.ModelFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where inference time goes, layer by layer: each layer's {@code activate} timed alone (median of
 * repeated calls, each allocating its output afresh) for a batch of 1 and of 64, and the whole {@code output}
 * call (workspaces) for comparison; for the network as trained and with batch norm folded.
 * Usage: {@code LayerProfile MODEL.zip DATA_DIR THREADS REPS}.
 */
public final class LayerProfile {
    private LayerProfile() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("lunglens.bench.data", args[1]);
        Fixtures.threads(Integer.parseInt(args[2]));
        int reps = Integer.parseInt(args[3]);
        Classifier classifier = new Classifier(ModelFile.load(Path.of(args[0])));
        List<float[]> inputs = Fixtures.inputs(classifier, 64);
        MultiLayerNetwork trained = classifier.model().network();
        profile("as trained", trained, inputs, reps);
        profile("batch norm folded (what the app runs)", BatchNormFolding.fold(trained), inputs, reps);
    }

    private static void profile(String label, MultiLayerNetwork net, List<float[]> inputs, int reps) {
        System.out.println("== " + label);
        for (int batch : new int[] {1, 64}) {
            INDArray x = InputTensors.of(inputs.subList(0, batch), 128);
            System.out.printf(Locale.ROOT, "batch %d: whole output() %.2f ms%n", batch,
                    Timing.medianMillis(reps, () -> net.output(x, false)));
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            INDArray in = x;
            for (int i = 0; i < net.getnLayers(); i++) {
                InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                INDArray layerIn = pre == null ? in : pre.preProcess(in, batch, mgr);
                int layer = i;
                double ms = Timing.medianMillis(reps, () -> net.getLayer(layer).activate(layerIn, false, mgr));
                in = net.getLayer(i).activate(layerIn, false, mgr);
                System.out.printf(Locale.ROOT, "  layer %d %-22s %8.2f ms  -> %s%n", i,
                        net.getLayer(i).getClass().getSimpleName(), ms, Arrays.toString(in.shape()));
            }
        }
    }
}
