package org.lunglens.model;

import java.util.Random;

/** Changes a training input at random; the input array itself must not be modified. */
@FunctionalInterface
public interface Augmentation {
    float[] apply(float[] input, int size, Random random);
}
