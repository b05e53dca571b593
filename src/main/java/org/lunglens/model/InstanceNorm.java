package org.lunglens.model;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Instance normalisation of the leading channels of a convolution's output (IBN-Net, Pan et al., ECCV 2018): per
 * film and channel, mean 0 and variance 1 over the plane, so that a film's own contrast and texture statistics
 * (its exposure, processing, digitisation: what differs between hospitals) are taken out in the first layers,
 * while the other channels keep them for the task. No parameters: the batch norm that follows scales and shifts
 * every channel. DL4J has no such layer; {@link InstanceNormLayer} does the passes. Serialised by class name in
 * the model file's configuration, like DL4J's own layers.
 */
public class InstanceNorm extends NoParamLayer {
    private int channels;
    private double epsilon = 1e-5;

    /** For the model file's JSON. */
    public InstanceNorm() {
    }

    /** @param channels how many of the input's leading channels are normalised; the rest pass unchanged */
    public InstanceNorm(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("instance norm needs at least one channel, got " + channels);
        }
        this.channels = channels;
    }

    public int getChannels() {
        return channels;
    }

    public void setChannels(int channels) {
        this.channels = channels;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        InstanceNormLayer layer = new InstanceNormLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional conv)) {
            throw new IllegalStateException("instance norm takes a convolution's output, not " + inputType);
        }
        if (conv.getChannels() < channels) {
            throw new IllegalStateException("instance norm of " + channels + " channels after a layer of "
                    + conv.getChannels());
        }
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // no parameters, nothing to size
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long perFilm = inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, InstanceNorm.class, inputType, inputType)
                .standardMemory(0, 0)
                .workingMemory(0, 0, perFilm, 2 * perFilm)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public InstanceNorm clone() {
        return (InstanceNorm) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceNorm other && super.equals(o) && channels == other.channels
                && epsilon == other.epsilon;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 7 * channels + Double.hashCode(epsilon);
    }
}
