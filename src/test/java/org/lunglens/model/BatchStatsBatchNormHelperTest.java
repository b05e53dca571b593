package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The faster batch statistics change nothing but speed: DL4J's helper gives the same outputs and gradients. */
class BatchStatsBatchNormHelperTest {
    private static final int CHANNELS = 5;
    private static final double EPS = 1e-5;
    private final LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();

    /** Channels of different means and spreads, the first far from 0 (where E[x^2] - E[x]^2 loses most). */
    private static INDArray input() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, CHANNELS, 9, 7);
        for (int c = 0; c < CHANNELS; c++) {
            INDArray plane = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c));
            plane.muli(0.5 + c).addi(c == 0 ? 20 : c - 2);
        }
        return x;
    }

    private static INDArray row(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT).reshape(1, v.length);
    }

    private INDArray forward(BatchNormalizationHelper helper, INDArray x) {
        return helper.preOutput(x, true, new long[] {1, CHANNELS}, row(1, 0.5, 2, 1.5, 0.8), row(0, 0.1, -0.2, 0.3, 0),
                Nd4j.zeros(DataType.FLOAT, 1, CHANNELS), Nd4j.ones(DataType.FLOAT, 1, CHANNELS), 0.9, EPS,
                CNN2DFormat.NCHW, mgr);
    }

    private Pair<Gradient, INDArray> backward(BatchNormalizationHelper helper, INDArray x, INDArray epsilon,
                                              INDArray dGamma, INDArray dBeta) {
        return helper.backpropGradient(x, epsilon, new long[] {1, CHANNELS}, row(1, 0.5, 2, 1.5, 0.8),
                row(0, 0.1, -0.2, 0.3, 0), dGamma, dBeta, EPS, CNN2DFormat.NCHW, mgr);
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void trainingOutputsStatisticsAndGradientsAreDl4jsOwn() {
        assertThat(BatchStatsBatchNormHelper.available()).isTrue();
        INDArray x = input();
        MKLDNNBatchNormHelper dl4j = new MKLDNNBatchNormHelper(DataType.FLOAT);
        BatchStatsBatchNormHelper fast = new BatchStatsBatchNormHelper(DataType.FLOAT);

        INDArray expected = forward(dl4j, x);
        INDArray actual = forward(fast, x);
        assertThat(maxDiff(actual, expected)).isLessThan(2e-3);
        assertThat(maxDiff(fast.getMeanCache(DataType.FLOAT), dl4j.getMeanCache(DataType.FLOAT))).isLessThan(1e-4);
        INDArray variance = dl4j.getVarCache(DataType.FLOAT);
        assertThat(maxDiff(fast.getVarCache(DataType.FLOAT), variance) / variance.maxNumber().doubleValue())
                .isLessThan(1e-4);

        Nd4j.getRandom().setSeed(12);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, x.shape());
        INDArray dGammaExpected = Nd4j.zeros(DataType.FLOAT, 1, CHANNELS);
        INDArray dBetaExpected = Nd4j.zeros(DataType.FLOAT, 1, CHANNELS);
        INDArray dGamma = Nd4j.zeros(DataType.FLOAT, 1, CHANNELS);
        INDArray dBeta = Nd4j.zeros(DataType.FLOAT, 1, CHANNELS);
        INDArray inputGradExpected = backward(dl4j, x, epsilon, dGammaExpected, dBetaExpected).getSecond();
        INDArray inputGrad = backward(fast, x, epsilon, dGamma, dBeta).getSecond();
        double scale = inputGradExpected.amaxNumber().doubleValue();
        assertThat(maxDiff(inputGrad, inputGradExpected)).isLessThan(1e-3 * scale);
        assertThat(maxDiff(dGamma, dGammaExpected)).isLessThan(1e-3 * dGammaExpected.amaxNumber().doubleValue());
        assertThat(maxDiff(dBeta, dBetaExpected)).isLessThan(1e-4 * Math.max(1, dBetaExpected.amaxNumber().doubleValue()));
    }

    @Test
    void aChannelConstantOverTheBatchGetsVarianceZeroNotANegativeOne() {
        INDArray x = input();
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(123.4567f);
        BatchStatsBatchNormHelper fast = new BatchStatsBatchNormHelper(DataType.FLOAT);

        INDArray out = forward(fast, x);

        assertThat(fast.getVarCache(DataType.FLOAT).minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(out.isNaN().any() || out.isInfinite().any()).isFalse();
    }

    @Test
    void outsideTrainingTheGlobalStatisticsAreUsedAsBefore() {
        INDArray x = input();
        INDArray globalMean = row(20, -1, 0, 1, 2);
        INDArray globalVar = row(0.25, 2.25, 6.25, 12.25, 20.25);
        INDArray expected = new MKLDNNBatchNormHelper(DataType.FLOAT).preOutput(x, false, new long[] {1, CHANNELS},
                row(1, 1, 1, 1, 1), row(0, 0, 0, 0, 0), globalMean, globalVar, 0.9, EPS, CNN2DFormat.NCHW, mgr);
        INDArray actual = new BatchStatsBatchNormHelper(DataType.FLOAT).preOutput(x, false, new long[] {1, CHANNELS},
                row(1, 1, 1, 1, 1), row(0, 0, 0, 0, 0), globalMean, globalVar, 0.9, EPS, CNN2DFormat.NCHW, mgr);
        assertThat(maxDiff(actual, expected)).isZero();
    }
}
