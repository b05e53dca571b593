/**
 * The model: one preprocessing path, model files with their metadata, inference, training (split,
 * augmentation, early stopping, checkpoints) and evaluation metrics. No JavaFX; ND4J/DL4J live here and
 * in {@code gradcam} only.
 */
package org.lunglens.model;
