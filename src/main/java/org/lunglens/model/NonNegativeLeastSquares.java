package org.lunglens.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Non-negative least squares in normal-equation form: the w >= 0 minimising w'Gw - 2c'w, by Lawson and Hanson's
 * active-set method ("Solving Least Squares Problems", 1974, ch. 23; in this form, Bro and De Jong 1997). Exact in
 * finitely many steps; meant for a dozen unknowns (commons-math has no such solver).
 */
final class NonNegativeLeastSquares {
    private static final double TOLERANCE = 1e-10;

    private NonNegativeLeastSquares() {
    }

    static double[] solve(double[][] g, double[] c) {
        int k = c.length;
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(c[i]));
        }
        double tol = TOLERANCE * Math.max(scale, 1);
        double[] w = new double[k];
        boolean[] passive = new boolean[k];
        for (int iteration = 0; iteration < 3 * k + 10; iteration++) {
            double[] gradient = gradient(g, c, w);
            int enter = -1;
            for (int i = 0; i < k; i++) {
                if (!passive[i] && gradient[i] > tol && (enter < 0 || gradient[i] > gradient[enter])) {
                    enter = i;
                }
            }
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            while (true) {
                double[] s = solvePassive(g, c, passive);
                double alpha = 1;
                boolean feasible = true;
                for (int i = 0; i < k; i++) {
                    if (passive[i] && s[i] <= 0) {
                        feasible = false;
                        alpha = Math.min(alpha, w[i] / (w[i] - s[i]));
                    }
                }
                if (feasible) {
                    w = s;
                    break;
                }
                boolean anyPassive = false;
                for (int i = 0; i < k; i++) {
                    w[i] += alpha * (s[i] - w[i]);
                    if (passive[i] && w[i] <= tol) {
                        passive[i] = false;
                        w[i] = 0;
                    }
                    anyPassive |= passive[i];
                }
                if (!anyPassive) {
                    // Only rounding can empty the set (ill-conditioned G): stop with what is left, all zero
                    return w;
                }
            }
        }
        return w;
    }

    private static double[] gradient(double[][] g, double[] c, double[] w) {
        double[] grad = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double gw = 0;
            for (int j = 0; j < c.length; j++) {
                gw += g[i][j] * w[j];
            }
            grad[i] = c[i] - gw;
        }
        return grad;
    }

    /** The unconstrained solution on the passive set, zero elsewhere. */
    private static double[] solvePassive(double[][] g, double[] c, boolean[] passive) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (passive[i]) {
                in.add(i);
            }
        }
        double[][] sub = new double[in.size()][in.size()];
        double[] rhs = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            rhs[i] = c[in.get(i)];
            for (int j = 0; j < in.size(); j++) {
                sub[i][j] = g[in.get(i)][in.get(j)];
            }
        }
        RealVector x = new LUDecomposition(new Array2DRowRealMatrix(sub, false), 1e-300).getSolver()
                .solve(new ArrayRealVector(rhs, false));
        double[] s = new double[c.length];
        for (int i = 0; i < in.size(); i++) {
            s[in.get(i)] = x.getEntry(i);
        }
        return s;
    }
}
