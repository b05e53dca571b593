package org.lunglens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adapts a network to one site from that site's unlabelled films by re-estimating every batch normalisation's
 * statistics on them (AdaBN: Li et al., "Revisiting batch normalization for practical domain adaptation", 2016).
 * A site's films differ from the training films most in their low-level statistics; the network's weights stay,
 * only what it considers an average activation moves to the site's.
 *
 * <p>Layer by layer, in order: each batch norm's new statistics are those of its input on the site's films
 * with the earlier layers already adapted, as they will run at inference.
 */
public final class SiteAdaptation {
    /** Fewer films than this give batch-norm statistics too noisy to use at all. */
    public static final int MIN_FILMS = 20;
    /** Below this, the command warns: the statistics still move with every film added. */
    public static final int ADVISED_FILMS = 200;
    /** Share of the site's films kept aside to set the adapted model's familiarity threshold. */
    static final double HELD_OUT = 0.2;
    private static final int BATCH = 64;

    private SiteAdaptation() {
    }

    /** A copy of {@code net} with every batch norm's mean and variance taken from {@code inputs}. */
    public static MultiLayerNetwork adapt(MultiLayerNetwork net, List<float[]> inputs, int size) {
        return adapt(net, inputs, size, Integer.MAX_VALUE);
    }

    /**
     * A copy of {@code net} with the first {@code batchNorms} batch norms (from the input) re-estimated on
     * {@code inputs}, the deeper ones kept. Early layers carry the site (exposure, processing, noise); deep ones
     * carry what the films show, so their statistics on a sample of one class (a folder of normals) are biased
     * towards that class.
     */
    public static MultiLayerNetwork adapt(MultiLayerNetwork net, List<float[]> inputs, int size, int batchNorms) {
        if (inputs.size() < MIN_FILMS) {
            throw new IllegalArgumentException("adaptation needs at least " + MIN_FILMS + " films; got " + inputs.size());
        }
        MultiLayerNetwork copy = ModelFile.prepare(net.clone());
        int adapted = 0;
        for (int i = 0; i < copy.getnLayers() && adapted < batchNorms; i++) {
            if (copy.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization bn) {
                adapted++;
                INDArray[] stats = channelStatistics(copy, i, inputs, size);
                setStatistics(copy.getLayer(i), bn, stats[0], stats[1]);
            }
        }
        return copy;
    }

    /**
     * A copy of {@code net} adapted from a site's films whose class mix is {@code mix} (shares per class, summing
     * to 1; a folder of normals is all of one class). Plain AdaBN would centre each batch norm on the sample as it
     * is, which for a sample unlike the training mix (no COVID films, where the training films held a quarter)
     * moves every film of the site towards the classes the sample lacks. Here each batch norm keeps its training
     * statistics, moved by how the site's films differ from the training films mixed in the same shares
     * ({@code reference}, per class): mean + (site mean - reference mean), variance x (site variance / reference
     * variance). Layer by layer, with the earlier layers already adapted.
     */
    public static MultiLayerNetwork adaptToMix(MultiLayerNetwork net, List<float[]> inputs, int size,
                                               BatchNormReference reference, double[] mix) {
        if (inputs.size() < MIN_FILMS) {
            throw new IllegalArgumentException("adaptation needs at least " + MIN_FILMS + " films; got " + inputs.size());
        }
        MultiLayerNetwork copy = ModelFile.prepare(net.clone());
        for (int i = 0; i < copy.getnLayers(); i++) {
            if (copy.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization bn) {
                double[][] ref = mixed(reference, i, mix);
                INDArray[] site = channelStatistics(copy, i, inputs, size);
                double[] siteMean = site[0].toDoubleVector();
                double[] siteVar = site[1].toDoubleVector();
                double[] trainedMean = storedMean(copy.getLayer(i));
                double[] trainedVar = storedVariance(copy.getLayer(i), bn);
                double[] mean = new double[siteMean.length];
                double[] variance = new double[siteMean.length];
                for (int c = 0; c < mean.length; c++) {
                    mean[c] = trainedMean[c] + siteMean[c] - ref[0][c];
                    variance[c] = trainedVar[c] * (siteVar[c] + bn.getEps()) / (ref[1][c] + bn.getEps());
                }
                setStatistics(copy.getLayer(i), bn, Nd4j.createFromArray(mean), Nd4j.createFromArray(variance));
            }
        }
        return copy;
    }

    /** Mean and variance per channel of the training films of layer {@code layer}, mixed in {@code mix}. */
    private static double[][] mixed(BatchNormReference reference, int layer, double[] mix) {
        BatchNormReference.Layer ref = reference.layer(layer);
        if (ref == null) {
            throw new IllegalArgumentException("the model's batch-norm reference has no statistics for layer " + layer);
        }
        double[] mean = null;
        double[] second = null;
        for (int k = 0; k < mix.length; k++) {
            if (mix[k] == 0) {
                continue;
            }
            double[] m = ref.means().get(k);
            double[] v = ref.variances().get(k);
            if (m == null) {
                throw new IllegalArgumentException("the model's batch-norm reference has no training films of "
                        + reference.classes().get(k));
            }
            if (mean == null) {
                mean = new double[m.length];
                second = new double[m.length];
            }
            for (int c = 0; c < m.length; c++) {
                mean[c] += mix[k] * m[c];
                second[c] += mix[k] * (v[c] + m[c] * m[c]);
            }
        }
        double[] variance = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            variance[c] = Math.max(0, second[c] - mean[c] * mean[c]);
        }
        return new double[][] {mean, variance};
    }

    private static double[] storedMean(org.deeplearning4j.nn.api.Layer layer) {
        return layer.getParam("mean").castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] storedVariance(org.deeplearning4j.nn.api.Layer layer, BatchNormalization conf) {
        if (conf.isUseLogStd()) {
            double[] logStd = layer.getParam("log10stdev").castTo(DataType.DOUBLE).toDoubleVector();
            double[] v = new double[logStd.length];
            for (int c = 0; c < v.length; c++) {
                double std = Math.pow(10, logStd[c]);
                v[c] = Math.max(0, std * std - conf.getEps());
            }
            return v;
        }
        return layer.getParam("var").castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Mean and (population) variance per channel of layer {@code layer}'s input over all inputs. */
    private static INDArray[] channelStatistics(MultiLayerNetwork net, int layer, List<float[]> inputs, int size) {
        ChannelMoments moments = new ChannelMoments();
        for (int from = 0; from < inputs.size(); from += BATCH) {
            INDArray x = InputTensors.of(inputs.subList(from, Math.min(inputs.size(), from + BATCH)), size);
            // index 0 is the input, index i + 1 the output of layer i: the input of layer `layer` is at `layer`
            moments.add(layer == 0 ? x : net.feedForwardToLayer(layer - 1, x, false).get(layer));
        }
        return new INDArray[] {Nd4j.createFromArray(moments.mean()), Nd4j.createFromArray(moments.variance())};
    }

    /** DL4J keeps either the variance or log10 of the standard deviation (with its epsilon), by configuration. */
    private static void setStatistics(org.deeplearning4j.nn.api.Layer layer, BatchNormalization conf, INDArray mean,
                                      INDArray variance) {
        INDArray storedMean = layer.getParam("mean");
        storedMean.assign(mean.castTo(storedMean.dataType()).reshape(storedMean.shape()));
        if (conf.isUseLogStd()) {
            INDArray logStd = layer.getParam("log10stdev");
            double[] v = variance.toDoubleVector();
            double[] out = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                out[c] = Math.log10(Math.sqrt(v[c] + conf.getEps()));
            }
            logStd.assign(Nd4j.createFromArray(out).castTo(logStd.dataType()).reshape(logStd.shape()));
        } else {
            INDArray var = layer.getParam("var");
            var.assign(variance.castTo(var.dataType()).reshape(var.shape()));
        }
    }

    /**
     * The adapted network's familiarity check, fitted on the site's own films: the Gaussians on 80% of them
     * (classes: the adapted network's own calls), the threshold on the other 20%. After adaptation the check
     * asks "is this film unlike this site's films?", which is what matters where the model now works: a film
     * from another machine, a photograph, a blank image.
     */
    public static FamiliarityDetector refitFamiliarity(MultiLayerNetwork adapted, List<float[]> inputs, int size,
                                                       String source) {
        List<float[]> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, new Random(42));
        int heldOut = Math.max(1, (int) Math.round(shuffled.size() * HELD_OUT));
        List<float[]> fit = shuffled.subList(heldOut, shuffled.size());
        List<float[]> threshold = shuffled.subList(0, heldOut);
        MultiLayerNetwork folded = BatchNormFolding.fold(adapted);
        int[] calls = new int[fit.size()];
        for (int from = 0; from < fit.size(); from += BATCH) {
            INDArray out = folded.output(InputTensors.of(fit.subList(from, Math.min(fit.size(), from + BATCH)), size), false);
            for (int r = 0; r < out.rows(); r++) {
                calls[from + r] = ClassScores.indexOfMax(out.getRow(r).toFloatVector());
            }
        }
        return FamiliarityFitter.fit(folded, fit, calls, threshold, size, fit.size() + " films of " + source
                + " (the site's own, after adaptation), threshold on " + threshold.size() + " more of them");
    }

    /**
     * The adapted network's site-shift check, fitted on the site's own films ({@link SiteShiftFitter#fitToSite}):
     * it then says when a folder is unlike this site's films. Null with fewer than
     * {@link SiteShiftFitter#SITE_MIN_FILMS} films: the adapted model then has no group check, as before.
     */
    public static SiteShiftReference refitSiteShift(MultiLayerNetwork adapted, List<float[]> inputs, int size,
                                                    String source) {
        return SiteShiftFitter.fitToSite(BatchNormFolding.fold(adapted), BatchNormReference.batchNormLayers(adapted),
                size, inputs, inputs.size() + " films of " + source + " (the site's own, after adaptation; thresholds"
                        + " by cross-fitting on halves of them)");
    }
}
