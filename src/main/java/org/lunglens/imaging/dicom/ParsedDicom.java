package org.lunglens.imaging.dicom;

/**
 * A DICOM file as parsed: the data set (file meta elements included), its transfer syntax, and its pixel data.
 *
 * @param syntax    the transfer syntax, or null when its UID ({@code syntaxUid}) is one LungLens does not know
 * @param pixels    where the pixel data lies, or null when the file has none
 */
public record ParsedDicom(DicomDataset dataset, String syntaxUid, TransferSyntax syntax, EncodedPixels pixels) {
}
