package org.lunglens.model;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The passes of {@link InstanceNorm} (NCHW). Forward: y = (x - mean) / sqrt(var + eps) per film and channel over
 * the plane, for the leading channels. Backward, with the plane's means written m(.): dx = (dy - m(dy) - y m(dy y))
 * / sqrt(var + eps), the usual normalisation gradient taken per film (nothing is shared across the batch, so
 * training and inference compute the same thing). The statistics are recomputed in the backward pass from the
 * input DL4J keeps, rather than cached across calls.
 */
final class InstanceNormLayer extends AbstractLayer<InstanceNorm> {

    InstanceNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        out.assign(input);
        Normalised n = normalise(leading(input));
        leading(out).assign(n.y);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        dx.assign(epsilon);
        Normalised n = normalise(leading(input));
        INDArray dy = leading(epsilon);
        INDArray meanDy = dy.mean(true, 2, 3);
        INDArray meanDyY = dy.mul(n.y).mean(true, 2, 3);
        leading(dx).assign(dy.sub(meanDy).subi(n.y.mul(meanDyY)).divi(n.std));
        return new Pair<>(new DefaultGradient(), dx);
    }

    private INDArray leading(INDArray a) {
        return a.get(all(), interval(0, layerConf().getChannels()), all(), all());
    }

    private Normalised normalise(INDArray x) {
        INDArray centred = x.sub(x.mean(true, 2, 3));
        INDArray std = Transforms.sqrt(centred.mul(centred).mean(true, 2, 3).addi(layerConf().getEpsilon()), false);
        return new Normalised(centred.divi(std), std);
    }

    private record Normalised(INDArray y, INDArray std) {
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return 0;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters
    }

    @Override
    public INDArray params() {
        return null;
    }
}
