package org.lunglens.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * The sources inside one training folder, roughly: k-means on the films' site-shift features, each feature scaled
 * to the folder's own spread. A folder of the data set gathers several hospitals' films; see
 * {@link SiteShiftReference} for why the check needs them apart.
 */
final class FolderClusters {
    /** Clusters a folder is split into, at most. */
    static final int MAX_CLUSTERS = 3;
    /** A cluster needs this many films for a stable mean; a folder with fewer per cluster is split less. */
    static final int MIN_FILMS_PER_CLUSTER = 100;
    private static final int ITERATIONS = 100;

    private FolderClusters() {
    }

    /** {@code films}' feature vectors in clusters (one cluster: all of them), in a fixed order for a fixed input. */
    static List<List<double[]>> of(List<double[]> films) {
        int k = Math.max(1, Math.min(MAX_CLUSTERS, films.size() / MIN_FILMS_PER_CLUSTER));
        if (k == 1) {
            return List.of(films);
        }
        double[] mean = SiteShiftFitter.mean(films);
        double[] sd = new double[mean.length];
        for (double[] f : films) {
            for (int j = 0; j < sd.length; j++) {
                sd[j] += (f[j] - mean[j]) * (f[j] - mean[j]);
            }
        }
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(sd[j] / films.size()) + 1e-9;
        }
        List<Scaled> points = new ArrayList<>();
        for (double[] f : films) {
            double[] z = new double[f.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = (f[j] - mean[j]) / sd[j];
            }
            points.add(new Scaled(z, f));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(42);
        List<CentroidCluster<Scaled>> clusters = new KMeansPlusPlusClusterer<Scaled>(k, ITERATIONS,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), random).cluster(points);
        List<List<double[]>> out = new ArrayList<>();
        for (CentroidCluster<Scaled> c : clusters) {
            List<double[]> members = c.getPoints().stream().map(Scaled::original).toList();
            if (members.size() >= MIN_FILMS_PER_CLUSTER / 5) { // a handful of odd films is no source
                out.add(members);
            }
        }
        return out.isEmpty() ? List.of(films) : out;
    }

    /** A film's scaled features, for the clusterer, carrying its original ones. */
    private static final class Scaled extends DoublePoint {
        private final double[] original;

        Scaled(double[] scaled, double[] original) {
            super(scaled);
            this.original = original;
        }

        double[] original() {
            return original;
        }
    }
}
