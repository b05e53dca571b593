/**
 * Images in: loading PNG, JPEG, BMP and DICOM into {@link org.lunglens.imaging.PixelData} in their own
 * bit depth, and everything computed from pixels for display (windowing, channel views, colour maps).
 * No JavaFX and no ND4J here: the app, the CLI and the model all build on this package.
 */
package org.lunglens.imaging;
