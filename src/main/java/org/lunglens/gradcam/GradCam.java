package org.lunglens.gradcam;

import java.util.ArrayList;
import org.lunglens.model.Familiarity;
import org.lunglens.model.FamiliarityDetector;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.InputTensors;
import org.lunglens.model.LoadedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Grad-CAM (Selvaraju et al., 2017) from the model itself: the gradient of the chosen class's score
 * (the logit before softmax) with respect to the explained layer's activations, channel weights from
 * the spatial mean of that gradient, then ReLU of the weighted sum of the activation maps.
 *
 * <p>DL4J refuses {@code backpropGradient} on a network ending in an output layer and its
 * {@code calculateGradients} returns only the input gradient, so the backward pass walks the layers after
 * the explained one by hand: it starts from column c of the output layer's weights (d logit_c / d input)
 * and calls each layer's own {@code backpropGradient}, with its input preprocessor, back to the target.
 */
public final class GradCam implements HeatmapSource {
    private final LoadedModel model;
    private final MultiLayerNetwork net;
    private final int target;
    private String layerDescription;

    public GradCam(LoadedModel model) {
        this.model = model;
        // Inference only: batch norm folded into the convolutions, layer numbers unchanged
        this.net = BatchNormFolding.fold(model.network());
        this.target = model.metadata().gradCamLayer();
        if (target < 0 || target >= net.getnLayers() - 1) {
            throw new IllegalArgumentException("Model '" + model.metadata().name()
                    + "' has no convolutional layer to explain (Grad-CAM needs a CNN)");
        }
    }

    /** Which layer is explained, for the UI. */
    @Override
    public String layerDescription() {
        if (layerDescription == null) {
            layerDescription = describe(activations(Nd4j.zeros(1, 1, size(), size())).shape());
        }
        return layerDescription;
    }

    private String describe(long[] shape) {
        Layer layer = net.getLayer(target);
        return String.format("layer %d (%s, %dx%dx%d)", target,
                layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer ? "last convolution + ReLU"
                        : layer instanceof org.deeplearning4j.nn.layers.ActivationLayer
                        ? "last convolution + batch norm + ReLU" : layer.getClass().getSimpleName(),
                shape[1], shape[2], shape[3]);
    }

    @Override
    public Pass forward(float[] input) {
        Forward pass = forwardAll(input);
        INDArray activations = pass.activations();
        float[] probabilities = pass.probabilities();
        return new Pass(probabilities, pass.familiarity(), classIndex -> {
            float[] oneHot = new float[probabilities.length];
            oneHot[classIndex] = 1;
            return heatmap(rawMap(activations, oneHot), classIndex, model.metadata().classes().get(classIndex),
                    layerDescription());
        });
    }

    /**
     * The weighted sum of the target layer's maps before ReLU and scaling, for the score
     * sum_j logitWeights[j] * logit_j: a combined model adds its networks' maps (same grid) before ReLU.
     */
    public RawMap rawMap(INDArray activations, float[] logitWeights) {
        return weightedSum(activations, gradientOfScore(activations, logitWeights));
    }

    /** One input's whole forward pass: the explained layer's activations, the probabilities, the familiarity. */
    public record Forward(INDArray activations, float[] probabilities, Familiarity familiarity) {
    }

    /** The forward pass, keeping every layer's output for the familiarity check (when the model has one). */
    public Forward forwardAll(float[] input) {
        FamiliarityDetector detector = model.metadata().familiarity();
        INDArray x = InputTensors.of(List.of(input), size());
        List<INDArray> layers = new ArrayList<>(net.feedForwardToLayer(target, x, false));
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray in = layers.get(target + 1);
        for (int i = target + 1; i < net.getnLayers(); i++) {
            in = forward(i, in, mgr);
            layers.add(in);
        }
        Familiarity familiarity = detector == null ? null : detector.assess(layers, 0);
        return new Forward(layers.get(target + 1), in.toFloatVector(), familiarity);
    }

    /** The class probabilities from the target layer's activations: the rest of the forward pass only. */
    public float[] probabilities(INDArray activations) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray in = activations;
        for (int i = target + 1; i < net.getnLayers(); i++) {
            in = forward(i, in, mgr);
        }
        return in.toFloatVector();
    }

    /** A map on the target layer's grid before ReLU, row-major. */
    public record RawMap(int width, int height, float[] values) {
    }

    /** d logit_c / d A for activations A of the target layer (shape [1, C, H, W]). Public for the finite-difference test. */
    public INDArray gradientOfScore(INDArray activations, int classIndex) {
        float[] oneHot = new float[net.getLayer(net.getnLayers() - 1).getParam("W").columns()];
        oneHot[classIndex] = 1;
        return gradientOfScore(activations, oneHot);
    }

    /** d (sum_j logitWeights[j] * logit_j) / d A: the output layer's weights times logitWeights start the backward pass. */
    public INDArray gradientOfScore(INDArray activations, float[] logitWeights) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        int outputIndex = net.getnLayers() - 1;
        // Forward from the target to the output layer, so each layer holds the input its backprop needs.
        INDArray in = activations;
        for (int i = target + 1; i < outputIndex; i++) {
            in = forward(i, in, mgr);
        }
        INDArray weights = net.getLayer(outputIndex).getParam("W");
        INDArray v = Nd4j.create(logitWeights, new long[] {logitWeights.length, 1}).castTo(weights.dataType());
        INDArray epsilon = weights.mmul(v).reshape(1, weights.rows());
        InputPreProcessor outputPre = net.getLayerWiseConfigurations().getInputPreProcess(outputIndex);
        if (outputPre != null) {
            epsilon = outputPre.backprop(epsilon, 1, mgr);
        }
        for (int i = outputIndex - 1; i > target; i--) {
            if (!isDropout(i)) {
                epsilon = net.getLayer(i).backpropGradient(epsilon, mgr).getSecond();
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                epsilon = pre.backprop(epsilon, 1, mgr);
            }
        }
        return epsilon;
    }

    /** The class logit from the target layer's activations (forward only). For the finite-difference test. */
    public double scoreFromActivations(INDArray activations, int classIndex) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        int outputIndex = net.getnLayers() - 1;
        INDArray in = activations;
        for (int i = target + 1; i < outputIndex; i++) {
            in = forward(i, in, mgr);
        }
        in = preProcess(outputIndex, in, mgr);
        INDArray w = net.getLayer(outputIndex).getParam("W");
        INDArray b = net.getLayer(outputIndex).getParam("b");
        return in.mmul(w.getColumn(classIndex).reshape(w.rows(), 1)).getDouble(0) + b.getDouble(classIndex);
    }

    /** Activations of the target layer for one preprocessed input. */
    public INDArray activations(float[] input) {
        return activations(InputTensors.of(List.of(input), size()));
    }

    /** Activations of the target layer for an input tensor. */
    public INDArray activations(INDArray x) {
        // Index 0 of the list is the input itself
        return net.feedForwardToLayer(target, x, false).get(target + 1);
    }

    private static RawMap weightedSum(INDArray a, INDArray grad) {
        int channels = (int) a.size(1);
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        INDArray alpha = grad.mean(2, 3).reshape(channels); // channel weights: spatial mean of the gradient
        float[] cam = new float[h * w];
        for (int k = 0; k < channels; k++) {
            float weight = alpha.getFloat(k);
            if (weight == 0) {
                continue;
            }
            float[] map = a.get(NDArrayIndex.point(0), NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all())
                    .dup('c').data().asFloat();
            for (int i = 0; i < cam.length; i++) {
                cam[i] += weight * map[i];
            }
        }
        return new RawMap(w, h, cam);
    }

    /** ReLU of a raw map, scaled to [0, 1] by its maximum. */
    static Heatmap heatmap(RawMap raw, int classIndex, String className, String layer) {
        float[] cam = raw.values().clone();
        float max = 0;
        for (int i = 0; i < cam.length; i++) {
            cam[i] = Math.max(0, cam[i]);
            max = Math.max(max, cam[i]);
        }
        if (max > 0) {
            for (int i = 0; i < cam.length; i++) {
                cam[i] /= max;
            }
        }
        return new Heatmap(raw.width(), raw.height(), cam, max, classIndex, className, layer);
    }

    /**
     * One layer forward at inference. Dropout is the identity then, and is skipped both ways: DL4J's
     * dropout backprop demands a mask that only exists in training mode.
     */
    private INDArray forward(int i, INDArray in, LayerWorkspaceMgr mgr) {
        INDArray pre = preProcess(i, in, mgr);
        return isDropout(i) ? pre : net.getLayer(i).activate(pre, false, mgr);
    }

    private boolean isDropout(int i) {
        return net.getLayer(i) instanceof org.deeplearning4j.nn.layers.DropoutLayer;
    }

    private INDArray preProcess(int layer, INDArray in, LayerWorkspaceMgr mgr) {
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(layer);
        return pre == null ? in : pre.preProcess(in, (int) in.size(0), mgr);
    }

    private int size() {
        return model.metadata().preprocessing().size();
    }
}
