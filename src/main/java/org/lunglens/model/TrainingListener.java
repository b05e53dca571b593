package org.lunglens.model;

/** What a training run tells its caller as it goes (the CLI draws a progress bar from it). */
public interface TrainingListener {
    void message(String text);

    void batch(int epoch, int maxEpochs, long imagesDone, long imagesTotal, double meanLoss, double imagesPerSecond);

    void epoch(EpochRecord record, boolean best);
}
