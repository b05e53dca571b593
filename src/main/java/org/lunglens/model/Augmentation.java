package org.lunglens.model;

import java.util.Random;

/** Changes a training input at random; the input array itself must not be modified. */
@FunctionalInterface
public interface Augmentation {
    float[] apply(float[] input, int size, Random random);

    /** This augmentation, then {@code next} on its result. */
    default Augmentation andThen(Augmentation next) {
        return (input, size, random) -> next.apply(apply(input, size, random), size, random);
    }
}
