package org.lunglens.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's oneDNN batch-norm helper, with the batch's variance in training computed as E[x^2] - E[x]^2 (an
 * element-wise product and a mean) instead of by ND4J's {@code Variance} op, which reduces an NCHW array over
 * dimensions 0, 2 and 3 several times slower: profiled here (TrainingProfile under JFR, the
 * bundled network, batch 64, 1 thread), that op alone was 12% of a training step. Everything else (normalising,
 * the backward pass, the running averages the layer keeps) stays DL4J's, fed the same statistics.
 *
 * <p>Why reflection: the helper's backward pass reads the batch statistics from its own private fields, so they
 * are set there. Where that fails (a DL4J version that renamed them), {@link #available()} is false and
 * {@link NativeLayerHelpers} installs DL4J's helper unchanged.
 */
final class BatchStatsBatchNormHelper extends MKLDNNBatchNormHelper {
    private static final int[] NCHW_REDUCE = {0, 2, 3};
    private static final Field MEAN = privateField("meanCache");
    private static final Field VAR = privateField("varCache");

    private INDArray mean;
    private INDArray variance;

    BatchStatsBatchNormHelper(DataType type) {
        super(type);
    }

    /** Whether DL4J's helper still keeps its batch statistics where this class sets them. */
    static boolean available() {
        return MEAN != null && VAR != null;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray globalMean, INDArray globalVar, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr mgr) {
        if (!training || x.dataType() != DataType.FLOAT || x.rank() != 4 || format != CNN2DFormat.NCHW) {
            return super.preOutput(x, training, shape, gamma, beta, globalMean, globalVar, decay, eps, format, mgr);
        }
        batchStatistics(x, mgr);
        // Normalising by given statistics is what the helper does outside training: here they are the batch's
        return super.preOutput(x, false, shape, gamma, beta, mean, variance, decay, eps, format, mgr);
    }

    /** The batch's per-channel mean and (biased) variance, left where DL4J's helper keeps its own. */
    private void batchStatistics(INDArray x, LayerWorkspaceMgr mgr) {
        if (mean == null || mean.length() != x.size(1)) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                mean = Nd4j.createUninitialized(DataType.FLOAT, x.size(1));
                variance = Nd4j.createUninitialized(DataType.FLOAT, x.size(1));
            }
            try {
                MEAN.set(this, mean);
                VAR.set(this, variance);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("DL4J's batch-norm helper refused its statistics", e);
            }
        }
        x.mean(mean, NCHW_REDUCE);
        // Working memory of the forward pass where the caller has it (fit does); else an array of its own
        INDArray squares = mgr.hasConfiguration(ArrayType.FF_WORKING_MEM) || mgr.isScopedOut(ArrayType.FF_WORKING_MEM)
                ? mgr.createUninitialized(ArrayType.FF_WORKING_MEM, DataType.FLOAT, x.shape())
                : Nd4j.createUninitializedDetached(DataType.FLOAT, x.shape());
        // E[x^2] - E[x]^2: an element-wise product and a reduction, both fast on NCHW where subtracting the mean
        // from every element (a broadcast over dimension 1) was as slow as the Variance op. Its rounding error is
        // about 1e-7 of E[x^2]; a channel that is constant over the batch could come out a hair below 0
        x.mul(x, squares).mean(variance, NCHW_REDUCE);
        variance.subi(mean.mul(mean));
        Transforms.max(variance, 0.0, false);
    }

    private static Field privateField(String name) {
        try {
            Field f = MKLDNNBatchNormHelper.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.getType() == INDArray.class ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
