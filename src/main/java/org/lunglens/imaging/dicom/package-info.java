/**
 * DICOM files read by our own code: the data set parser ({@link org.lunglens.imaging.dicom.DicomParser}), the pixel
 * module, and one decoder per pixel encoding (native, RLE, deflate, and JPEG / JPEG 2000 through ImageIO plugins).
 * {@link org.lunglens.imaging.DicomReader} puts them together; the tags travel on as {@link
 * org.lunglens.imaging.dicom.DicomInfo}. No JavaFX here.
 */
package org.lunglens.imaging.dicom;
