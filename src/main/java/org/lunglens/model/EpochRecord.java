package org.lunglens.model;

/** One epoch's figures: training loss (augmented batches), accuracies and validation loss. */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double imagesPerSecond, double seconds) {
}
