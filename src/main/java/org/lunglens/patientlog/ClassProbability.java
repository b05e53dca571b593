package org.lunglens.patientlog;

import java.util.Objects;

/** One model class's probability in an analysis. */
public record ClassProbability(String className, double probability) {
    public ClassProbability {
        Objects.requireNonNull(className, "className");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
    }
}
