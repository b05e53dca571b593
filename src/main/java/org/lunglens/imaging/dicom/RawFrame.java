package org.lunglens.imaging.dicom;

/**
 * One decoded frame before any value mapping: per band, each pixel's stored bits ({@code bitsStored} of them, as
 * an unsigned pattern, high bit already aligned).
 *
 * @param colourConverted the decoder already turned YCbCr into RGB (JPEG decoders do)
 */
record RawFrame(int[][] bands, boolean colourConverted) {
}
