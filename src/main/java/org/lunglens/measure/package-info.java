/**
 * Measurements and annotations on a film, with no toolkit: rulers (mm where the file gives its pixel spacing),
 * angles, rectangle and ellipse regions with statistics in the image's own values, the cardiothoracic ratio, arrows
 * and text; their geometry as JSON for the patient log; and the {@link org.lunglens.measure.MeasurementStore} the
 * viewer saves them through.
 */
package org.lunglens.measure;
