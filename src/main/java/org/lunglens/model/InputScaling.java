package org.lunglens.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network trained on small inputs made to read inputs an integer factor larger, computing what it computed on
 * their area average: its stem convolution's kernel and stride grow by the factor, and each of its weights is
 * spread over a factor x factor block and divided by the block's area. Every later layer is unchanged (it sees the
 * same planes). Why: networks of different input sizes can then share one preprocessing, and so be combined
 * ({@link Combiner}); a 64 px network holds up on other sites where a 128 px one does not (docs/MODELS.md).
 *
 * <p>Not quite the same inputs: an equalised model input is equalised at the new size and then averaged by the
 * stem, instead of averaged and then equalised; measure the scaled network, not the original.
 */
public final class InputScaling {
    private InputScaling() {
    }

    /**
     * {@code model}'s network for inputs {@code factor} times its side, with its metadata: the new input size, the
     * architecture said so, and the training facts with where it came from. Its familiarity check, batch-norm
     * statistics and site-shift reference are dropped (fitted on the old inputs): refit them with
     * {@code lunglens familiarity}.
     */
    public static LoadedModel scaled(LoadedModel model, int factor, String name, String source) {
        if (model.isCombined()) {
            throw new IllegalArgumentException("Scale the networks of a combined model before combining them");
        }
        if (factor < 2) {
            throw new IllegalArgumentException("The new input must be an integer multiple (2 or more) of the old one");
        }
        MultiLayerNetwork old = model.network();
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(old.getLayerWiseConfigurations().toJson());
        if (!(conf.getConf(0).getLayer() instanceof ConvolutionLayer stem)
                || stem.getKernelSize()[0] != stem.getStride()[0] || stem.getKernelSize()[1] != stem.getStride()[1]) {
            throw new IllegalArgumentException(model.metadata().name() + ": only a network whose first layer is a "
                    + "patchify convolution (kernel = stride) can be scaled");
        }
        int k = stem.getKernelSize()[0];
        stem.setKernelSize(new int[] {k * factor, k * factor});
        stem.setStride(new int[] {k * factor, k * factor});
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (Map.Entry<String, INDArray> p : old.paramTable().entrySet()) {
            boolean stemWeights = p.getKey().equals("0_W");
            net.setParam(p.getKey(), stemWeights ? spread(p.getValue(), factor) : p.getValue().dup());
        }
        ModelMetadata m = model.metadata();
        int size = m.preprocessing().size() * factor;
        PreprocessingSpec input = new PreprocessingSpec(size, m.preprocessing().interpolation(),
                m.preprocessing().normalisation(), m.preprocessing().border());
        String architecture = m.architecture()
                .replaceFirst("^CNN \\d+x\\d+x1:", "CNN " + size + "x" + size + "x1 (the " + m.preprocessing().size()
                        + " px network, each " + factor + "x" + factor + " averaged by its stem):")
                .replaceFirst("conv" + k + "x" + k + "/" + k, "conv" + k * factor + "x" + k * factor + "/" + k * factor);
        Map<String, Object> training = new LinkedHashMap<>(m.training());
        training.put("inputScaled", "from " + source + " (" + m.preprocessing().size() + " px): stem kernel and stride x"
                + factor + ", each weight spread over " + factor + "x" + factor + " and divided by " + factor * factor);
        ModelMetadata meta = new ModelMetadata(m.formatVersion(), name, m.version(), m.task(), m.classes(), input,
                architecture, net.numParams(), m.gradCamLayer(), training, Map.of(), null, null, null);
        return new LoadedModel(null, net, meta);
    }

    /** Weights [out, in, k, k] to [out, in, k*f, k*f]: each one repeated over an f x f block, divided by f*f. */
    static INDArray spread(INDArray weights, int f) {
        long[] s = weights.shape();
        INDArray out = Nd4j.create(weights.dataType(), s[0], s[1], s[2] * f, s[3] * f);
        for (long o = 0; o < s[0]; o++) {
            for (long i = 0; i < s[1]; i++) {
                for (long y = 0; y < s[2] * f; y++) {
                    for (long x = 0; x < s[3] * f; x++) {
                        out.putScalar(new long[] {o, i, y, x}, weights.getDouble(o, i, y / f, x / f) / (f * f));
                    }
                }
            }
        }
        return out;
    }
}
