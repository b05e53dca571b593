/**
 * Explanations computed from a loaded model itself: Grad-CAM heatmaps of the last convolutional layer,
 * model sessions that classify and explain on one thread, and the toolkit-free rendering of heatmap
 * overlays shared by the app and {@code classify --gradcam}. No JavaFX here.
 */
package org.lunglens.gradcam;
