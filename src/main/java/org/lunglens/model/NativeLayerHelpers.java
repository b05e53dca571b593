package org.lunglens.model;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DL4J's convolution, pooling and batch-norm layers run forward and backward through libnd4j's own ops
 * ({@code conv2d}/{@code conv2d_bp}, {@code maxpool2d}, {@code batchnorm}), which the oneDNN build of
 * nd4j-native executes with oneDNN. Networks reach it through {@link ModelFile#prepare}, the one door.
 *
 * <p>Why reflection: DL4J 1.0.0-M2.1 has these "MKLDNN" helpers but never installs them on the CPU: helper
 * creation is switched off by default ({@code org.eclipse.deeplearning4j.helpers.disable}) and the helpers'
 * availability check looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved. Without
 * them every convolution runs as im2col + gemm driven from Java. Measured here (docs/BENCHMARKS.md, 2 cores):
 * training 47 -> 343 images/s, inference 277 -> 1,795 images/s on a 5-convolution net. {@code
 * NativeLayerHelpersTest} checks that outputs and gradients agree with DL4J's own code path.
 *
 * <p>Reflection on private fields breaks when DL4J changes. Then a network keeps DL4J's own (slower) layers and
 * one warning is logged, instead of every model load failing.
 */
final class NativeLayerHelpers {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLayerHelpers.class);
    static final NativeLayerHelpers SHARED = new NativeLayerHelpers(NativeLayerHelpers::declaredHelperField);

    /** How the private {@code helper} field of a layer class is found; tests pass one that fails. */
    interface FieldLookup {
        Field helperField(Class<?> layerClass) throws ReflectiveOperationException;
    }

    private final FieldLookup lookup;
    private final AtomicBoolean warned = new AtomicBoolean();

    NativeLayerHelpers(FieldLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Installs the helpers on every plain convolution, pooling and batch-norm layer of {@code net} (after
     * {@code init()} or loading; a network built again needs them again). Returns how many layers got one: 0 when
     * they cannot be installed, and then no layer of {@code net} has one.
     */
    int install(MultiLayerNetwork net) {
        DataType type = net.getLayerWiseConfigurations().getDataType();
        int installed = 0;
        try {
            for (Layer layer : net.getLayers()) {
                if (takesHelper(layer)) {
                    lookup.helperField(layer.getClass()).set(layer, newHelper(layer, type));
                    installed++;
                }
            }
            return installed;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            fallBack(net, e);
            return 0;
        }
    }

    /** Layers of {@code net} that run through a helper now (for tests and logs). */
    static int installed(MultiLayerNetwork net) {
        int n = 0;
        for (Layer layer : net.getLayers()) {
            n += layer.getHelper() != null ? 1 : 0;
        }
        return n;
    }

    /**
     * Exact classes only: DL4J's subclasses (1-D, deconvolution, separable) have helpers of other shapes. {@link
     * HalvingMaxPool} is DL4J's pooling layer in all but its forward pass, so it takes the pooling helper.
     */
    private static boolean takesHelper(Layer layer) {
        Class<?> c = layer.getClass();
        return c == ConvolutionLayer.class || c == SubsamplingLayer.class || c == HalvingMaxPool.class
                || c == BatchNormalization.class;
    }

    private static Object newHelper(Layer layer, DataType type) {
        if (layer.getClass() == ConvolutionLayer.class) {
            return new MKLDNNConvHelper(type);
        }
        if (layer instanceof SubsamplingLayer) {
            return new MKLDNNSubsamplingHelper(type);
        }
        return BatchStatsBatchNormHelper.available() ? new BatchStatsBatchNormHelper(type)
                : new MKLDNNBatchNormHelper(type);
    }

    /** Takes off the helpers this call may have set, so the network runs on DL4J's own layers throughout. */
    private void fallBack(MultiLayerNetwork net, Throwable cause) {
        for (Layer layer : net.getLayers()) {
            if (takesHelper(layer)) {
                try {
                    lookup.helperField(layer.getClass()).set(layer, null);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                    // the field cannot be reached, so this call never set it either
                }
            }
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("Native layer helpers unavailable ({}); networks run on DL4J's own layers, 6-7x slower. "
                    + "Has the DL4J version changed?", cause.toString());
        }
    }

    /** DL4J's layer class declares the field; for {@link HalvingMaxPool} that is its superclass. */
    private static Field declaredHelperField(Class<?> layerClass) throws NoSuchFieldException {
        Class<?> declaring = layerClass == HalvingMaxPool.class ? SubsamplingLayer.class : layerClass;
        Field f = declaring.getDeclaredField("helper");
        f.setAccessible(true);
        return f;
    }
}
