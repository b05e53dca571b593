package org.lunglens.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's inference forward pass, layer by layer, with each plain 2-D convolution run by libnd4j's own
 * {@code conv2d} op and every other layer by DL4J as usual.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code ConvolutionLayer} drives im2col and gemm from Java through strided,
 * permuted buffers, and never uses oneDNN (its helper check looks up a class that has moved), while the op
 * does the whole convolution natively, with oneDNN where the native build has it. Measured on the bundled
 * CNN (benchmarks/ConvOpProbe, docs/BENCHMARKS.md): the op is several times faster per layer and agrees
 * with the layer to about 1e-6. Not thread-safe, like the network it reads its weights from.
 */
public final class OpForward {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    private final MultiLayerNetwork net;
    /** Per layer: the op configuration of a convolution this class runs itself, or null for DL4J's layer. */
    private final Conv2DConfig[] convs;

    public OpForward(MultiLayerNetwork net) {
        this.net = net;
        this.convs = new Conv2DConfig[net.getnLayers()];
        for (int i = 0; i < convs.length; i++) {
            convs[i] = opConfig(net.getLayer(i));
        }
    }

    /** Output of the last layer (class probabilities for LungLens models), one row per example. */
    public INDArray output(INDArray input) {
        return activations(input, net.getnLayers() - 1);
    }

    /** Output of layer {@code last} (after its activation function), inference mode. */
    public INDArray activations(INDArray input, int last) {
        INDArray x = input;
        for (int i = 0; i <= last; i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                x = pre.preProcess(x, (int) x.size(0), NO_WORKSPACES);
            }
            x = convs[i] != null ? convolve(i, x) : net.getLayer(i).activate(x, false, NO_WORKSPACES);
        }
        return x;
    }

    /** How many layers run as ops (for tests and logs). */
    public int opLayers() {
        int n = 0;
        for (Conv2DConfig c : convs) {
            n += c == null ? 0 : 1;
        }
        return n;
    }

    private INDArray convolve(int i, INDArray x) {
        Layer layer = net.getLayer(i);
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        Conv2D op = b == null ? new Conv2D(x, w, null, convs[i]) : new Conv2D(x, w, b.reshape(b.length()), convs[i]);
        // The activation function applies itself in place, as DL4J's layer does it
        return ((ConvolutionLayer) layer.conf().getLayer()).getActivationFn().getActivation(Nd4j.exec(op)[0], false);
    }

    /** The op configuration for a plain, undilated NCHW convolution; null for anything else. */
    private static Conv2DConfig opConfig(Layer layer) {
        if (layer.conf().getLayer().getClass() != ConvolutionLayer.class) {
            return null;
        }
        ConvolutionLayer c = (ConvolutionLayer) layer.conf().getLayer();
        boolean supported = c.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && c.getDilation()[0] == 1 && c.getDilation()[1] == 1
                && (c.getConvolutionMode() == ConvolutionMode.Same || c.getConvolutionMode() == ConvolutionMode.Truncate);
        if (!supported) {
            return null;
        }
        boolean same = c.getConvolutionMode() == ConvolutionMode.Same;
        return Conv2DConfig.builder()
                .kH(c.getKernelSize()[0]).kW(c.getKernelSize()[1])
                .sH(c.getStride()[0]).sW(c.getStride()[1])
                .pH(same ? 0 : c.getPadding()[0]).pW(same ? 0 : c.getPadding()[1])
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX)
                .build();
    }
}
