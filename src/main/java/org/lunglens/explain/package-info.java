/**
 * Explanations that treat the model as a black box, to set beside Grad-CAM: occlusion sensitivity (slide a
 * patch over the input, record how far the class probability falls), "what if" masking of a region, and a
 * check of where a heatmap's heat lies (central chest region, film border, burned-in markers). Built on
 * {@link org.lunglens.model.Classifier} and {@link org.lunglens.gradcam.Heatmap}; no JavaFX, no ND4J here.
 */
package org.lunglens.explain;
