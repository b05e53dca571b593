package org.lunglens.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Makes DL4J's convolution, pooling and batch-norm layers run forward and backward through libnd4j's own ops
 * ({@code conv2d}/{@code conv2d_bp}, {@code maxpool2d}, {@code batchnorm}), which the oneDNN build of
 * nd4j-native executes with oneDNN.
 *
 * <p>Why reflection: DL4J 1.0.0-M2.1 has these "MKLDNN" helpers but never installs them on the CPU: helper
 * creation is switched off by default ({@code org.eclipse.deeplearning4j.helpers.disable}) and the helpers'
 * availability check looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved. Without
 * them every convolution runs as im2col + gemm driven from Java. Measured here (docs/BENCHMARKS.md, 2 cores):
 * training 47 -> 343 images/s, inference 277 -> 1,795 images/s on a 5-convolution net. {@code
 * NativeLayerHelpersTest} checks that outputs and gradients agree with DL4J's own code path.
 */
public final class NativeLayerHelpers {
    private static final Field CONV = helperField(ConvolutionLayer.class);
    private static final Field POOL = helperField(SubsamplingLayer.class);
    private static final Field BATCH_NORM = helperField(BatchNormalization.class);

    private NativeLayerHelpers() {
    }

    /**
     * Installs the helpers on every plain convolution, pooling and batch-norm layer of {@code net} (after
     * {@code init()} or loading; a network built again needs them again). Returns how many layers got one.
     */
    public static int install(MultiLayerNetwork net) {
        int installed = 0;
        for (Layer layer : net.getLayers()) {
            DataType type = net.getLayerWiseConfigurations().getDataType();
            // Exact classes only: subclasses (1-D, deconvolution, separable) have helpers of other shapes
            if (layer.getClass() == ConvolutionLayer.class) {
                set(CONV, layer, new MKLDNNConvHelper(type));
                installed++;
            } else if (layer.getClass() == SubsamplingLayer.class) {
                set(POOL, layer, new MKLDNNSubsamplingHelper(type));
                installed++;
            } else if (layer.getClass() == BatchNormalization.class) {
                set(BATCH_NORM, layer, new MKLDNNBatchNormHelper(type));
                installed++;
            }
        }
        return installed;
    }

    /** Layers of {@code net} that run through a helper now (for tests and logs). */
    public static int installed(MultiLayerNetwork net) {
        int n = 0;
        for (Layer layer : net.getLayers()) {
            n += layer.getHelper() != null ? 1 : 0;
        }
        return n;
    }

    private static void set(Field field, Layer layer, Object helper) {
        try {
            field.set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot install a native helper on " + layer.getClass().getName(), e);
        }
    }

    private static Field helperField(Class<?> layerClass) {
        try {
            Field f = layerClass.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J changed: " + layerClass.getName() + " has no 'helper' field", e);
        }
    }
}
