package org.lunglens.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dimensionalityreduction.PCA;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A PCA projection of model inputs, fitted on training inputs only. It becomes the frozen first dense layer
 * of the ANN baseline ({@code y = (x - mean) V = x V - mean V}), so the model file stays self-contained and
 * the preprocessing path stays the one path.
 *
 * @param mean    mean input, 1 x d
 * @param factors the first K principal directions, d x K
 */
public record PrincipalComponents(INDArray mean, INDArray factors) {

    public static PrincipalComponents fit(List<float[]> inputs, int components) {
        int d = inputs.get(0).length;
        if (components < 1 || components > Math.min(d, inputs.size())) {
            throw new IllegalArgumentException("PCA needs 1.." + Math.min(d, inputs.size()) + " components, not " + components);
        }
        INDArray x = Nd4j.create(inputs.size(), d);
        for (int i = 0; i < inputs.size(); i++) {
            x.putRow(i, Nd4j.createFromArray(inputs.get(i)));
        }
        INDArray mean = x.mean(0).reshape(1, d);
        INDArray centred = x.subRowVector(mean);
        INDArray factors = PCA.pca_factor(centred, components, false);
        return new PrincipalComponents(mean, factors);
    }

    public int components() {
        return factors.columns();
    }

    /** Writes the projection into the network's first (frozen) layer. */
    public void install(MultiLayerNetwork net) {
        net.getLayer(0).setParam("W", factors.castTo(net.getLayer(0).getParam("W").dataType()));
        INDArray bias = mean.mmul(factors).negi();
        net.getLayer(0).setParam("b", bias.castTo(net.getLayer(0).getParam("b").dataType()));
    }
}
