package org.lunglens.model;

import java.util.List;

/**
 * What --resume needs besides the weights: the epochs done so far and the early-stopping state.
 *
 * @param bestEpoch          epoch whose weights are in the model file
 * @param bestValidationLoss its validation loss
 * @param history            every finished epoch
 * @param trainingSeconds    wall time spent so far, over all runs
 */
public record TrainingState(int bestEpoch, double bestValidationLoss, List<EpochRecord> history,
                            double trainingSeconds) {
    public TrainingState {
        history = List.copyOf(history);
    }

    public int epochsDone() {
        return history.size();
    }

    public int epochsSinceBest() {
        return epochsDone() - bestEpoch;
    }
}
