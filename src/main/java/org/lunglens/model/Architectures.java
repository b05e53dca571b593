package org.lunglens.model;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The networks LungLens trains. The CNN is a small VGG-style stack (3x3 conv + ReLU, 2x2 max pool) after a
 * patchify stem, global average pooling and one softmax layer: few parameters, fast on two CPU cores, and
 * its last convolution gives Grad-CAM a map aligned with the image ('same' padding keeps the heat over the
 * object). Batch normalisation is optional ({@code --batch-norm}); it needs {@link NativeLayerHelpers}, as
 * DL4J's own batch-norm code gave inference outputs far from training's here (validation accuracy 0.45).
 * The ANN is the original work's dense-only baseline.
 */
public final class Architectures {
    public static final String CNN = "cnn";
    public static final String ANN = "ann";

    private Architectures() {
    }

    /** A network and the index of the layer Grad-CAM explains (-1 when it has no convolution). */
    public record Network(MultiLayerConfiguration config, int gradCamLayer, String description) {
    }

    /**
     * @param stem   side and stride of the first ("patchify") convolution: 4 turns a 128 px image into a
     *               32x32 grid at once. Measured here, DL4J's convolutions are slowest on large planes with
     *               few channels, so the stem does the downsampling that full-resolution 3x3 layers would
     * @param widths output channels: the stem's, then one 3x3 conv block each, max-pooled between blocks
     */
    public static Network cnn(int size, int classes, int stem, int[] widths, float[] classWeights,
                              double learningRate, long seed) {
        return cnn(size, classes, stem, widths, false, classWeights, learningRate, 1.0, seed);
    }

    /**
     * @param learningRateDecay factor applied to Adam's learning rate after each epoch (the trainer keeps DL4J's
     *                  epoch count); 1 for a constant rate
     * @param batchNorm batch normalisation between each convolution and its ReLU: faster, steadier training
     *                  of deeper stacks (only usable since {@link NativeLayerHelpers}: DL4J's own batch-norm
     *                  path gave inference outputs far from training's here)
     */
    public static Network cnn(int size, int classes, int stem, int[] widths, boolean batchNorm, float[] classWeights,
                              double learningRate, double learningRateDecay, long seed) {
        return cnn(size, classes, stem, widths, new int[] {1}, batchNorm, classWeights, learningRate,
                learningRateDecay, seed);
    }

    /**
     * @param convs 3x3 convolutions in each block after the stem, all of the block's width: one number for
     *              every block, or one per block. Depth is cheap where the planes are small, so "1,2,2"
     *              deepens the 16x16 and 8x8 blocks for about twice the cost of one convolution each
     */
    public static Network cnn(int size, int classes, int stem, int[] widths, int[] convs, boolean batchNorm,
                              float[] classWeights, double learningRate, double learningRateDecay, long seed) {
        return cnn(size, classes, stem, widths, convs, batchNorm, 0, classWeights, learningRate, learningRateDecay,
                seed);
    }

    /**
     * @param instanceNorm how many of the first convolutions (the stem counts as the first) get half their output
     *                     channels instance-normalised before the batch norm ({@link InstanceNorm}, IBN-Net's
     *                     "IBN-a"): a film's own contrast statistics taken out where they are still low-level
     */
    public static Network cnn(int size, int classes, int stem, int[] widths, int[] convs, boolean batchNorm,
                              int instanceNorm, float[] classWeights, double learningRate, double learningRateDecay,
                              long seed) {
        int blocks = widths.length - 1;
        if (convs.length != 1 && convs.length != blocks) {
            throw new IllegalArgumentException("convs: one number, or one per 3x3 block (" + blocks + "); got "
                    + convs.length);
        }
        if (!instanceNormFits(instanceNorm, batchNorm, widths, convs)) {
            throw new IllegalArgumentException("instance norm: a count of first convolutions (0-"
                    + convolutions(widths, convs) + "), with batch norm; got " + instanceNorm);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, learningRateDecay)))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        StringBuilder desc = new StringBuilder("CNN " + size + "x" + size + "x1:");
        String block = batchNorm ? "+BN+ReLU" : "+ReLU";
        int convCount = 0;
        int lastConv = convBlock(list, 0, new ConvolutionLayer.Builder(stem, stem).stride(stem, stem), widths[0],
                batchNorm, convCount++ < instanceNorm);
        desc.append(" conv").append(stem).append('x').append(stem).append("/").append(stem)
                .append('(').append(widths[0]).append(')').append(instanceNorm > 0 ? "+IN/2" : "").append(block);
        int layer = lastConv + 1;
        for (int b = 1; b < widths.length; b++) {
            int repeats = convs.length == 1 ? convs[0] : convs[b - 1];
            if (repeats < 1) {
                throw new IllegalArgumentException("convs: each block needs at least one convolution");
            }
            for (int r = 0; r < repeats; r++) {
                boolean halfInstance = convCount++ < instanceNorm;
                lastConv = convBlock(list, layer, new ConvolutionLayer.Builder(3, 3), widths[b], batchNorm, halfInstance);
                layer = lastConv + 1;
                desc.append(r == 0 ? ", " : " ").append("conv3x3(").append(widths[b]).append(')')
                        .append(halfInstance ? "+IN/2" : "").append(block);
            }
            if (b < widths.length - 1) {
                list.layer(layer++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
                desc.append("+maxpool2");
            }
        }
        list.layer(layer++, new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        list.layer(layer++, new DropoutLayer(0.7));
        list.layer(layer, output(classes, classWeights));
        desc.append(", global average pool, dropout 0.3, softmax(").append(classes).append(")");
        list.setInputType(InputType.convolutional(size, size, 1));
        return new Network(list.build(), lastConv, desc.toString());
    }

    /**
     * Whether a CNN of these widths and per-block counts can take instance norm in its first {@code instanceNorm}
     * convolutions: none, or at most as many as it has, and only beside batch norm.
     */
    public static boolean instanceNormFits(int instanceNorm, boolean batchNorm, int[] widths, int[] convs) {
        return instanceNorm == 0 || instanceNorm > 0 && batchNorm && instanceNorm <= convolutions(widths, convs);
    }

    /** How many convolutions a CNN of these widths and per-block counts has: the stem and every 3x3 one. */
    public static int convolutions(int[] widths, int[] convs) {
        int blocks = widths.length - 1;
        return widths.length == 0 ? 0 : 1 + (convs.length == 1 ? convs[0] * blocks : Arrays.stream(convs).sum());
    }

    /**
     * Adds a convolution (+ instance norm of half its channels) (+ batch norm) + ReLU from index {@code layer};
     * returns the index of its last layer.
     */
    private static int convBlock(NeuralNetConfiguration.ListBuilder list, int layer, ConvolutionLayer.Builder conv,
                                 int width, boolean batchNorm, boolean halfInstance) {
        if (!batchNorm) {
            list.layer(layer, conv.nOut(width).activation(Activation.RELU).build());
            return layer;
        }
        // No bias: the batch norm's shift replaces it
        list.layer(layer++, conv.nOut(width).activation(Activation.IDENTITY).hasBias(false).build());
        if (halfInstance) {
            list.layer(layer++, new InstanceNorm(width / 2));
        }
        list.layer(layer++, new BatchNormalization.Builder().build());
        list.layer(layer, new ActivationLayer(Activation.RELU));
        return layer;
    }

    /** Dense-only baseline on the raw pixels. */
    public static Network ann(int size, int classes, float[] classWeights, long seed) {
        return ann(size, classes, classWeights, null, 1e-3, 1.0, seed);
    }

    /**
     * Dense-only baseline on the flattened image; it takes the same NCHW input as the CNN.
     *
     * @param pca when not null, a frozen first layer projects the input on these principal components
     */
    public static Network ann(int size, int classes, float[] classWeights, PrincipalComponents pca,
                              double learningRate, double learningRateDecay, long seed) {
        int inputs = size * size;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, learningRateDecay)))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .list();
        String desc = "ANN " + inputs + " inputs:";
        if (pca != null) {
            // Frozen (no updates, no L2): the projection is fitted once on the training split.
            list.layer(new DenseLayer.Builder().nIn(inputs).nOut(pca.components()).activation(Activation.IDENTITY)
                    .updater(new NoOp()).l2(0).build());
            desc += " PCA(" + pca.components() + ", frozen),";
        }
        list.layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build())
                .layer(new DropoutLayer(0.7))
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(output(classes, classWeights))
                .setInputType(InputType.convolutional(size, size, 1));
        return new Network(list.build(), -1, desc + " dense(256)+ReLU, dropout 0.3, dense(64)+ReLU, softmax("
                + classes + ")");
    }

    private static OutputLayer output(int classes, float[] classWeights) {
        return new OutputLayer.Builder()
                .lossFunction(new LossMCXENT(Nd4j.create(classWeights)))
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build();
    }
}
