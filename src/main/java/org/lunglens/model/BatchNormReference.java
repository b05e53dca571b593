package org.lunglens.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per class, the mean and variance of each batch norm's input channels on the network's training films, stored in
 * the model file. Adapting to a site from films of one class (a folder of normals) re-estimates a batch norm on that
 * class alone; these say where that class sat during training, so the adaptation can move the statistics by how the
 * site's films of that class differ from the training films of that class instead of centring the network on one
 * class ({@link SiteAdaptation#adaptToMix}).
 *
 * @param classes       the model's classes, in output order
 * @param filmsPerClass training films behind each class's statistics
 * @param layers        one entry per batch norm, from the input
 */
public record BatchNormReference(List<String> classes, List<Integer> filmsPerClass, List<Layer> layers) {
    private static final int BATCH = 64;

    /**
     * @param layer     the batch norm's layer index in the network
     * @param means     per class, the mean of each input channel
     * @param variances per class, the (population) variance of each input channel
     */
    public record Layer(int layer, List<double[]> means, List<double[]> variances) {
    }

    public BatchNormReference {
        classes = List.copyOf(classes);
        filmsPerClass = List.copyOf(filmsPerClass);
        layers = List.copyOf(layers);
    }

    /** The statistics of {@code net} (unfolded: its batch norms still in place) on {@code inputs} of {@code labels}. */
    public static BatchNormReference fit(MultiLayerNetwork net, List<String> classes, List<float[]> inputs,
                                         int[] labels, int size) {
        List<Integer> bnLayers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization) {
                bnLayers.add(i);
            }
        }
        int k = classes.size();
        List<Integer> counts = new ArrayList<>();
        // [class][bn] -> running sums per channel
        double[][][] sums = new double[k][bnLayers.size()][];
        double[][][] squares = new double[k][bnLayers.size()][];
        long[][] values = new long[k][bnLayers.size()];
        for (int c = 0; c < k; c++) {
            List<float[]> ofClass = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (labels[i] == c) {
                    ofClass.add(inputs.get(i));
                }
            }
            counts.add(ofClass.size());
            for (int from = 0; from < ofClass.size(); from += BATCH) {
                INDArray x = InputTensors.of(ofClass.subList(from, Math.min(ofClass.size(), from + BATCH)), size);
                // index 0 is the input, index i + 1 the output of layer i: a layer's input is at its own index
                List<INDArray> acts = net.feedForward(x, false);
                for (int b = 0; b < bnLayers.size(); b++) {
                    INDArray a = acts.get(bnLayers.get(b));
                    int channels = (int) a.size(1);
                    INDArray perChannel = a.permute(1, 0, 2, 3).dup('c').reshape(channels, -1)
                            .castTo(DataType.DOUBLE);
                    double[] s = perChannel.sum(1).toDoubleVector();
                    double[] q = perChannel.mul(perChannel).sum(1).toDoubleVector();
                    if (sums[c][b] == null) {
                        sums[c][b] = new double[channels];
                        squares[c][b] = new double[channels];
                    }
                    for (int ch = 0; ch < channels; ch++) {
                        sums[c][b][ch] += s[ch];
                        squares[c][b][ch] += q[ch];
                    }
                    values[c][b] += perChannel.size(1);
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int b = 0; b < bnLayers.size(); b++) {
            List<double[]> means = new ArrayList<>();
            List<double[]> variances = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                if (sums[c][b] == null) {
                    means.add(null);
                    variances.add(null);
                    continue;
                }
                double[] m = new double[sums[c][b].length];
                double[] v = new double[m.length];
                for (int ch = 0; ch < m.length; ch++) {
                    m[ch] = sums[c][b][ch] / values[c][b];
                    v[ch] = Math.max(0, squares[c][b][ch] / values[c][b] - m[ch] * m[ch]);
                }
                means.add(m);
                variances.add(v);
            }
            layers.add(new Layer(bnLayers.get(b), means, variances));
        }
        return new BatchNormReference(classes, counts, layers);
    }

    /** The entry of the batch norm at {@code layerIndex}, or null. */
    public Layer layer(int layerIndex) {
        return layers.stream().filter(l -> l.layer() == layerIndex).findFirst().orElse(null);
    }
}
