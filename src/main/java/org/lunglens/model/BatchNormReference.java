package org.lunglens.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
        List<Integer> bnLayers = batchNormLayers(net);
        int k = classes.size();
        List<Integer> counts = new ArrayList<>();
        ChannelMoments[][] moments = new ChannelMoments[k][bnLayers.size()]; // [class][batch norm]
        KeptLayersPass pass = new KeptLayersPass(net);
        for (int c = 0; c < k; c++) {
            List<float[]> ofClass = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (labels[i] == c) {
                    ofClass.add(inputs.get(i));
                }
            }
            counts.add(ofClass.size());
            for (int b = 0; b < bnLayers.size(); b++) {
                moments[c][b] = new ChannelMoments();
            }
            for (int from = 0; from < ofClass.size(); from += BATCH) {
                INDArray x = InputTensors.of(ofClass.subList(from, Math.min(ofClass.size(), from + BATCH)), size);
                // index 0 is the input, index i + 1 the output of layer i: a layer's input is at its own index
                ChannelMoments[] ofThisClass = moments[c];
                pass.run(x, acts -> {
                    for (int b = 0; b < bnLayers.size(); b++) {
                        ofThisClass[b].add(acts.get(bnLayers.get(b)));
                    }
                });
                NativeMemory.afterBatch(from / BATCH);
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int b = 0; b < bnLayers.size(); b++) {
            List<double[]> means = new ArrayList<>();
            List<double[]> variances = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                boolean seen = !moments[c][b].isEmpty();
                means.add(seen ? moments[c][b].mean() : null);
                variances.add(seen ? moments[c][b].variance() : null);
            }
            layers.add(new Layer(bnLayers.get(b), means, variances));
        }
        return new BatchNormReference(classes, counts, layers);
    }

    /** The indices of {@code net}'s batch norms, from the input; empty for a network without any. */
    static List<Integer> batchNormLayers(MultiLayerNetwork net) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization) {
                layers.add(i);
            }
        }
        return layers;
    }

    /** The entry of the batch norm at {@code layerIndex}, or null. */
    public Layer layer(int layerIndex) {
        return layers.stream().filter(l -> l.layer() == layerIndex).findFirst().orElse(null);
    }
}
