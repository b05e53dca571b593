/**
 * Explanations computed from a loaded model itself: Grad-CAM heatmaps of the last convolutional layer.
 * No JavaFX here; the UI draws {@link org.lunglens.gradcam.Heatmap}s as overlays.
 */
package org.lunglens.gradcam;
