package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Says whether a site's films, taken together, are unlike the films a network learned from: the check that one
 * film cannot give. Normal films of an unseen hospital look like ordinary films to the per-film check, yet as a
 * group they shift every batch norm's input (that is what {@code adapt} corrects); a group of training-site films
 * does not, whatever its mix of findings.
 *
 * <p>The groups are clusters of each class's training films (k-means, up to three a class): a class of the data set
 * gathers several sources, and a site that sends the films of one of them lies near that source's cluster, not near
 * the class as a whole. Chosen by validation: samples of 50 consecutive-numbered validation films of a class (a source
 * each, nearly) were called shifted 5 times in 30 with one group a class and once with three (docs/MODELS.md).
 *
 * <p>Per film, the features are each batch norm's input channels' mean and log variance over the image (read at the
 * same layers in the folded network, an affine map per channel, to which the distance below is blind). The sample's
 * mean feature vector is compared with the nearest mixture of the training groups' means (shares >= 0, summing to
 * 1: a sample of normals alone, or of COVID films alone, sits on such a mixture); the distance is the RMS of what is
 * left, in units of the within-group spread. The threshold for a sample of n films is the largest 99th percentile,
 * over several mixes, of validation samples of n films.
 *
 * @param groups        the groups' names (the folder and a cluster number: "Normal 2")
 * @param groupFolders  each group's training folder (COVID, Normal, ...), finer than a binary model's classes
 * @param filmsPerGroup training films behind each group's mean
 * @param layers        the feed-forward indices read (each a batch norm's input)
 * @param means         per group, the mean feature vector of its training films
 * @param spread        per feature, the pooled within-group standard deviation
 * @param thresholds    distance thresholds by sample size, smallest sample first
 * @param fittedOn      which films, for the model card
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteShiftReference(List<String> groups, List<String> groupFolders, List<Integer> filmsPerGroup,
                                 List<Integer> layers,
                                 List<double[]> means, double[] spread, List<Threshold> thresholds, String fittedOn) {
    /** Fewer films than this say too little about a site (the thresholds start here). */
    public static final int MIN_FILMS = 30;
    private static final double LOG_FLOOR = 1e-8;

    /** Samples of at least {@code films} films are shifted above {@code distance}. */
    public record Threshold(int films, double distance) {
    }

    public SiteShiftReference {
        groups = List.copyOf(groups);
        groupFolders = List.copyOf(groupFolders);
        filmsPerGroup = List.copyOf(filmsPerGroup);
        layers = List.copyOf(layers);
        means = List.copyOf(means);
        thresholds = List.copyOf(thresholds);
    }

    /**
     * The features of the first {@code rows} films of a batch: for each layer read, its channels' means, then their
     * log variances. Two reductions a layer (the mean and the 2-norm over the image), because copying the
     * activations out, or ND4J's variance along two axes, cost more than the rest of {@code classify}'s work.
     */
    public static double[][] features(List<INDArray> feedForward, int rows, List<Integer> layers) {
        int length = 0;
        for (int layer : layers) {
            length += 2 * (int) feedForward.get(layer).size(1);
        }
        double[][] out = new double[rows][length];
        int at = 0;
        for (int layer : layers) {
            INDArray a = feedForward.get(layer);
            if (a.size(0) != rows) {
                a = a.get(NDArrayIndex.interval(0, rows));
            }
            int channels = (int) a.size(1);
            double pixels = a.size(2) * a.size(3);
            double[][] means = a.mean(2, 3).reshape(rows, channels).toDoubleMatrix();
            double[][] norms = a.norm2(2, 3).reshape(rows, channels).toDoubleMatrix();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < channels; c++) {
                    double mean = means[r][c];
                    double variance = norms[r][c] * norms[r][c] / pixels - mean * mean;
                    out[r][at + c] = mean;
                    out[r][at + channels + c] = Math.log(Math.max(variance, LOG_FLOOR));
                }
            }
            at += 2 * channels;
        }
        return out;
    }

    /** The same groups with these thresholds. */
    SiteShiftReference withThresholds(List<Threshold> table) {
        return new SiteShiftReference(groups, groupFolders, filmsPerGroup, layers, means, spread, table, fittedOn);
    }

    /** The threshold for a sample of {@code films}: that of the largest tabled size not above it; NaN below all. */
    public double thresholdFor(int films) {
        double t = Double.NaN;
        for (Threshold th : thresholds) {
            if (th.films() <= films) {
                t = th.distance();
            }
        }
        return t;
    }

    /** The sample whose mean feature vector is {@code sampleMean}, of {@code films} films, measured. */
    public SiteShift measure(double[] sampleMean, int films) {
        Fit fit = nearestMixture(sampleMean);
        Map<String, Double> shares = new LinkedHashMap<>(); // per folder: its clusters' shares summed
        for (int g = 0; g < groups.size(); g++) {
            shares.merge(groupFolders.get(g), fit.shares()[g], Double::sum);
        }
        return new SiteShift(films, fit.distance(), thresholdFor(films), shares);
    }

    record Fit(double distance, double[] shares) {
    }

    /**
     * The mixture of the group means nearest to {@code x} (scaled by the spread): non-negative least squares
     * (Lawson and Hanson's active-set method, on the k x k normal equations) with the shares held to a sum of 1 by a
     * heavily weighted extra equation.
     */
    Fit nearestMixture(double[] x) {
        int k = groups.size();
        int d = spread.length;
        double[][] a = new double[k][d];
        double[] b = new double[d];
        for (int j = 0; j < d; j++) {
            // Centred on the groups' average: the shares sum to 1, so the distance is the same, and what the groups
            // share (large next to how they differ where a feature barely varies) no longer swamps the normal
            // equations: a model's masked border made them singular and the solver fail
            double centre = 0;
            for (int g = 0; g < k; g++) {
                centre += means.get(g)[j] / k;
            }
            b[j] = (x[j] - centre) / spread[j];
            for (int g = 0; g < k; g++) {
                a[g][j] = (means.get(g)[j] - centre) / spread[j];
            }
        }
        double[][] gram = new double[k][k];
        double[] ab = new double[k];
        double trace = 0;
        for (int g = 0; g < k; g++) {
            ab[g] = dot(a[g], b);
            for (int h = 0; h < k; h++) {
                gram[g][h] = dot(a[g], a[h]);
            }
            trace += gram[g][g];
        }
        double weight = 1e4 * Math.max(trace, 1e-12) / k; // the sum-to-1 equation, squared weight
        double[][] g2 = new double[k][k];
        double[] c2 = new double[k];
        for (int g = 0; g < k; g++) {
            for (int h = 0; h < k; h++) {
                g2[g][h] = gram[g][h] + weight;
            }
            c2[g] = ab[g] + weight;
        }
        double[] w = NonNegativeLeastSquares.solve(g2, c2);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        if (!(sum > 0)) { // no mixture found (a degenerate reference): the nearest single group
            w = new double[k];
            int nearest = 0;
            for (int g = 1; g < k; g++) {
                if (distanceSquared(a[g], b) < distanceSquared(a[nearest], b)) {
                    nearest = g;
                }
            }
            w[nearest] = 1;
            sum = 1;
        }
        for (int g = 0; g < k; g++) {
            w[g] /= sum; // the penalty leaves the sum within ~1e-4 of 1: exact shares for the distance
        }
        // |b - A w|^2 = b.b - 2 w.(A b) + w.G.w
        double sq = dot(b, b);
        for (int g = 0; g < k; g++) {
            sq -= 2 * w[g] * ab[g];
            for (int h = 0; h < k; h++) {
                sq += w[g] * gram[g][h] * w[h];
            }
        }
        return new Fit(Math.sqrt(Math.max(0, sq) / d), w);
    }

    private static double distanceSquared(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
