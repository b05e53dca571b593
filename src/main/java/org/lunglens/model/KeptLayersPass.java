package org.lunglens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network's inference pass that keeps every layer's output for a reader (the familiarity check and the site
 * sample read some of them), the same computation as {@code MultiLayerNetwork.feedForward(input, false)} and the
 * same numbers, in memory reused from one batch to the next.
 *
 * <p>Why not {@code feedForward}: it allocates every layer's output anew outside any workspace, and in ND4J
 * 1.0.0-M2.1 that native memory returns only when Java's GC collects it: a batch of 64 through the default network
 * took 1.6-3x as long as DL4J's {@code output()} (which reuses workspaces), and {@code classify} over the data set
 * peaked at 2-6 GB resident. With this pass the batch takes as long as {@code output()} and {@code classify} runs
 * about 20% faster at about 1 GB (README, "Benchmarks", 2026-12-07). Not thread-safe, as the network is not.
 */
public final class KeptLayersPass {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    /**
     * One pair of workspaces per thread, shared by every pass: a pass closes them before the next opens (one
     * inference thread), and they grow to the largest pass seen. Names of their own per pass would keep each
     * pass's memory attached to the thread after the pass is gone (a model switched, a check fitted).
     */
    private static final String LAYERS_WORKSPACE = "LUNGLENS_KEPT_LAYERS";
    private static final String WORKING_WORKSPACE = "LUNGLENS_KEPT_WORKING";

    private final MultiLayerNetwork net;
    /** Scratch the native layer helpers (oneDNN) keep between calls, as the network keeps its own. */
    private final Map<String, Pointer> helperScratch = new HashMap<>();

    public KeptLayersPass(MultiLayerNetwork net) {
        this.net = net;
    }

    /**
     * Runs {@code input} through the network, hands {@code reader} every layer's output (index 0 the input, index
     * {@code i + 1} layer {@code i}, as {@code feedForward} lists them) and returns the network's output, one row
     * per input. The layer outputs live only during the call: the reader copies what it keeps.
     */
    public float[][] run(INDArray input, Consumer<List<INDArray>> reader) {
        return read(input, layers -> {
            reader.accept(layers);
            return layers.get(layers.size() - 1).toFloatMatrix();
        });
    }

    /** The same pass, returning what {@code reader} makes of the layer outputs (which live only during the call). */
    public <T> T read(INDArray input, Function<List<INDArray>, T> reader) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.builder()
                .with(ArrayType.INPUT, LAYERS_WORKSPACE, WORKSPACE)
                .with(ArrayType.ACTIVATIONS, LAYERS_WORKSPACE, WORKSPACE)
                .with(ArrayType.FF_WORKING_MEM, WORKING_WORKSPACE, WORKSPACE)
                .build();
        workspaces.setHelperWorkspacePointers(helperScratch);
        int rows = (int) input.size(0);
        try (MemoryWorkspace kept = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, LAYERS_WORKSPACE)) {
            List<INDArray> layers = new ArrayList<>(net.getnLayers() + 1);
            INDArray x = input;
            layers.add(x);
            for (int i = 0; i < net.getnLayers(); i++) {
                try (MemoryWorkspace working = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                    if (pre != null) {
                        x = pre.preProcess(x, rows, workspaces);
                    }
                    x = net.getLayer(i).activate(x, false, workspaces);
                    layers.add(x);
                }
            }
            try {
                return reader.apply(layers);
            } finally {
                // The layers hold their inputs, which die with the workspace
                for (int i = 0; i < net.getnLayers(); i++) {
                    net.getLayer(i).clear();
                }
            }
        }
    }
}
