package org.lunglens.model;

import java.util.List;

/**
 * How a combined model reads COVID: the mean of its networks' COVID log-odds, which is the geometric mean
 * of their odds. A 3-class network's odds are P(COVID) against the sum of its other classes. Log-odds
 * rather than probabilities are averaged so that a network that is sure counts for more than one that is
 * not, and so that the gradient Grad-CAM needs is a plain sum over the networks (see logOddsGradient).
 */
public final class CovidOdds {
    /** Float softmax outputs can be exactly 0 or 1; clamping keeps a log-odds finite (at most about +-16). */
    private static final double FLOOR = 1e-7;

    private CovidOdds() {
    }

    /** log(P(COVID) / P(anything else)) from one network's probabilities. */
    public static double logOdds(float[] probabilities, int covidIndex) {
        double rest = 0;
        for (int j = 0; j < probabilities.length; j++) {
            if (j != covidIndex) {
                rest += probabilities[j];
            }
        }
        return Math.log(Math.max(probabilities[covidIndex], FLOOR)) - Math.log(Math.max(rest, FLOOR));
    }

    /**
     * d logOdds / d logit_j for every class j: 1 for COVID and -p_j / (1 - p_COVID) for the others (their
     * share of the non-COVID probability). For a binary network this is +1 and -1.
     */
    public static float[] logOddsGradient(float[] probabilities, int covidIndex) {
        double rest = 0;
        for (int j = 0; j < probabilities.length; j++) {
            if (j != covidIndex) {
                rest += probabilities[j];
            }
        }
        float[] gradient = new float[probabilities.length];
        int others = probabilities.length - 1;
        for (int j = 0; j < probabilities.length; j++) {
            // With the non-COVID mass underflowed to 0, share the -1 evenly rather than divide by 0
            gradient[j] = j == covidIndex ? 1f
                    : (float) -(rest > 0 ? probabilities[j] / rest : 1.0 / others);
        }
        return gradient;
    }

    /** The combined reading as probabilities in a binary model's class order. */
    public static float[] combine(List<float[]> probabilitiesPerNetwork, List<Integer> covidIndexPerNetwork,
                                  int covidIndex) {
        double sum = 0;
        for (int m = 0; m < probabilitiesPerNetwork.size(); m++) {
            sum += logOdds(probabilitiesPerNetwork.get(m), covidIndexPerNetwork.get(m));
        }
        double covid = 1 / (1 + Math.exp(-sum / probabilitiesPerNetwork.size()));
        float[] out = new float[2];
        out[covidIndex] = (float) covid;
        out[1 - covidIndex] = (float) (1 - covid);
        return out;
    }
}
