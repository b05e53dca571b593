package org.lunglens.model;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's max-pooling layer, with the forward pass of a 2x2 window at stride 2 (every pooling layer LungLens
 * builds) done as what it is: the array viewed as [N*C*H/2, 2, W/2, 2] and its maximum over the two window axes.
 * libnd4j's {@code maxpool2d} op, which DL4J calls for every forward pass, took 5-7x longer (1 thread: 0.86 + 0.48
 * ms for the two layers of one image, against 0.12 + 0.09; 46 against 9 ms for 64x64x32x32): a fifth of one
 * image's time through the network (JFR profile of {@code output()}, docs/BENCHMARKS.md). The backward pass stays
 * DL4J's (through its native helper), and any other shape or setting falls through to DL4J's own forward.
 *
 * <p>DL4J builds its own layer objects from the configuration, so {@link #install} swaps them in the network's
 * layer array (its public {@code setLayers}), which every pass goes through; the by-name map behind {@code
 * getLayer(String)} keeps DL4J's object (LungLens looks layers up by index only). A copy or reload of a network
 * needs the swap again, which {@link ModelFile#prepare}, the one door, does.
 */
final class HalvingMaxPool extends SubsamplingLayer {
    private static final int[] TWO = {2, 2};

    private HalvingMaxPool(SubsamplingLayer stock) {
        super(stock.conf(), stock.getDataType());
        setIndex(stock.getIndex());
        setListeners(stock.getListeners());
        setCacheMode(stock.getCacheMode());
    }

    /** Replaces every stock 2x2/2 max-pooling layer of {@code net}; returns how many. */
    static int install(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        if (layers == null) {
            return 0;
        }
        int swapped = 0;
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].getClass() == SubsamplingLayer.class && halvesByMax((SubsamplingLayer) layers[i])) {
                layers[i] = new HalvingMaxPool((SubsamplingLayer) layers[i]);
                swapped++;
            }
        }
        net.setLayers(layers);
        return swapped;
    }

    private static boolean halvesByMax(SubsamplingLayer layer) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf = layer.layerConf();
        return conf.getPoolingType() == PoolingType.MAX && Arrays.equals(conf.getKernelSize(), TWO)
                && Arrays.equals(conf.getStride(), TWO) && Arrays.equals(conf.getPadding(), new int[] {0, 0})
                && Arrays.equals(conf.getDilation(), new int[] {1, 1}) && conf.getIDropout() == null
                && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && (conf.getConvolutionMode() == ConvolutionMode.Truncate
                        || conf.getConvolutionMode() == ConvolutionMode.Same);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray x = input;
        // Even sides: no window is cut (Truncate) and none is padded (Same), so both modes give this result
        if (x.rank() != 4 || x.dataType() != DataType.FLOAT || x.size(2) % 2 != 0 || x.size(3) % 2 != 0) {
            return super.activate(training, mgr);
        }
        long rows = x.size(0) * x.size(1) * (x.size(2) / 2);
        long half = x.size(3) / 2;
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {x.size(0), x.size(1), x.size(2) / 2, half}, 'c');
        Nd4j.exec(new Max(x.reshape('c', rows, 2, half, 2), out.reshape('c', rows, half), 1, 3));
        return out;
    }
}
