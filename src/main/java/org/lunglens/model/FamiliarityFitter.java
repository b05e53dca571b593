package org.lunglens.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Fits a {@link FamiliarityDetector} for one network: class-conditional means and a shared covariance of each
 * tap's features on training films, each tap's scale and the threshold on validation films.
 *
 * <p>The taps: the last max pool (channel means of the 8x8 block: local structure) and the global
 * average pool (what the classifier itself reads). Measured on the first bundled binary network, taps at the
 * first ReLU and the first max pool added nothing on other sites' films at the same flag rate (docs/MODELS.md).
 */
public final class FamiliarityFitter {
    /** Share of validation films the threshold flags; the target for in-distribution films is at most 5%. */
    public static final double VALIDATION_FLAG_RATE = 0.04;
    /** Shrinkage of the covariance towards its mean variance: keeps the inverse stable for rare directions. */
    private static final double SHRINKAGE = 0.05;
    private static final int BATCH = 64;

    private FamiliarityFitter() {
    }

    /** Where to read features in a CNN; empty for a network without a global pool. */
    public static List<FeatureTap> tapsOf(MultiLayerNetwork net) {
        int lastPool = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            var layer = net.getLayerWiseConfigurations().getConf(i).getLayer();
            if (layer instanceof SubsamplingLayer) {
                lastPool = i;
            } else if (layer instanceof GlobalPoolingLayer) {
                return lastPool < 0 ? List.of(new FeatureTap(i, false))
                        : List.of(new FeatureTap(lastPool, false), new FeatureTap(i, false));
            }
        }
        return List.of();
    }

    /**
     * @param net        the network as the classifier runs it (batch norm folded or not: the taps read layers
     *                   whose outputs are the same either way)
     * @param train      training inputs
     * @param classes    each training input's model class
     * @param validation validation inputs (any classes)
     */
    public static FamiliarityDetector fit(MultiLayerNetwork net, List<float[]> train, int[] classes,
                                          List<float[]> validation, int size, String fittedOn) {
        List<FeatureTap> taps = tapsOf(net);
        if (taps.isEmpty()) {
            throw new IllegalArgumentException("the familiarity check needs a convolutional network");
        }
        int classCount = Arrays.stream(classes).max().orElse(0) + 1;
        List<List<float[]>> trainFeatures = features(net, taps, train, size);
        List<GaussianScore> scores = new ArrayList<>();
        for (int t = 0; t < taps.size(); t++) {
            scores.add(gaussian(trainFeatures.get(t), classes, classCount));
        }
        List<List<float[]>> validationFeatures = features(net, taps, validation, size);
        for (int t = 0; t < taps.size(); t++) {
            GaussianScore raw = scores.get(t);
            double[] d = validationFeatures.get(t).stream().mapToDouble(raw::score).toArray();
            scores.set(t, raw.withScale(quantile(d, 0.95)));
        }
        double[] combined = new double[validation.size()];
        for (int i = 0; i < combined.length; i++) {
            int row = i;
            combined[i] = FamiliarityDetector.combined(scores,
                    validationFeatures.stream().map(f -> f.get(row)).toList());
        }
        double threshold = quantile(combined, 1 - VALIDATION_FLAG_RATE);
        long flagged = Arrays.stream(combined).filter(c -> c > threshold).count();
        return new FamiliarityDetector(taps, scores, threshold, (double) flagged / combined.length, fittedOn);
    }

    /** Each tap's features of every input, tap by tap (public for the benchmarks' FamiliarityProbe). */
    public static List<List<float[]>> features(MultiLayerNetwork net, List<FeatureTap> taps, List<float[]> inputs, int size) {
        List<List<float[]>> out = new ArrayList<>();
        taps.forEach(t -> out.add(new ArrayList<>()));
        KeptLayersPass pass = new KeptLayersPass(net);
        for (int from = 0; from < inputs.size(); from += BATCH) {
            List<float[]> batch = inputs.subList(from, Math.min(inputs.size(), from + BATCH));
            List<List<float[]>> rows = pass.read(InputTensors.of(batch, size),
                    layers -> FamiliarityDetector.featuresOfRows(taps, layers, batch.size()));
            for (List<float[]> f : rows) {
                for (int t = 0; t < taps.size(); t++) {
                    out.get(t).add(f.get(t));
                }
            }
            NativeMemory.afterBatch(from / BATCH);
        }
        return out;
    }

    /** Class means and the shrunk inverse of the pooled within-class covariance. */
    public static GaussianScore gaussian(List<float[]> features, int[] classes, int classCount) {
        int d = features.get(0).length;
        double[][] sums = new double[classCount][d];
        int[] counts = new int[classCount];
        for (int i = 0; i < features.size(); i++) {
            counts[classes[i]]++;
            for (int j = 0; j < d; j++) {
                sums[classes[i]][j] += features.get(i)[j];
            }
        }
        List<float[]> means = new ArrayList<>();
        int[] meanOf = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            meanOf[c] = counts[c] == 0 ? -1 : means.size();
            if (counts[c] > 0) {
                float[] m = new float[d];
                for (int j = 0; j < d; j++) {
                    m[j] = (float) (sums[c][j] / counts[c]);
                }
                means.add(m);
            }
        }
        double[][] cov = new double[d][d];
        double[] diff = new double[d];
        for (int i = 0; i < features.size(); i++) {
            float[] mean = means.get(meanOf[classes[i]]);
            for (int j = 0; j < d; j++) {
                diff[j] = features.get(i)[j] - mean[j];
            }
            for (int j = 0; j < d; j++) {
                for (int k = j; k < d; k++) {
                    cov[j][k] += diff[j] * diff[k];
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                cov[j][k] /= features.size();
                cov[k][j] = cov[j][k];
            }
            trace += cov[j][j];
        }
        double floor = Math.max(trace / d, 1e-12);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                cov[j][k] *= 1 - SHRINKAGE;
            }
            cov[j][j] += SHRINKAGE * floor;
        }
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-12, 1e-15)
                .getSolver().getInverse();
        float[] precision = new float[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                precision[j * d + k] = (float) inverse.getEntry(j, k);
            }
        }
        return new GaussianScore(means.toArray(new float[0][]), precision, 1);
    }

    /** The q-quantile of the values (linear between order statistics). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
