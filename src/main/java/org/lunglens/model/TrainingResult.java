package org.lunglens.model;

/** A finished run: the best model (metrics in its metadata), its test evaluation and the history. */
public record TrainingResult(LoadedModel model, Evaluation test, TrainingState state) {
}
