package org.lunglens.model;

/**
 * A squared Mahalanobis distance to the nearest of one or more means under one shared covariance (Lee et
 * al., NeurIPS 2018, "a simple unified framework for detecting out-of-distribution samples"), divided by
 * {@code scale} so that scores of different feature sets are comparable.
 *
 * @param means     one mean per class (or a single one), each of the feature dimension
 * @param precision the inverse of the shared covariance, row-major, dimension x dimension
 * @param scale     the 95th percentile of the raw distance on the validation films
 */
public record GaussianScore(float[][] means, float[] precision, double scale) {
    public int dimension() {
        return means[0].length;
    }

    /** min over the means of (f - mean)' P (f - mean), divided by the scale. */
    public double score(float[] features) {
        int d = dimension();
        double best = Double.POSITIVE_INFINITY;
        double[] diff = new double[d];
        for (float[] mean : means) {
            for (int i = 0; i < d; i++) {
                diff[i] = features[i] - mean[i];
            }
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double row = 0;
                int offset = i * d;
                for (int j = 0; j < d; j++) {
                    row += precision[offset + j] * diff[j];
                }
                sum += diff[i] * row;
            }
            best = Math.min(best, sum);
        }
        return best / scale;
    }

    public GaussianScore withScale(double newScale) {
        return new GaussianScore(means, precision, newScale);
    }
}
