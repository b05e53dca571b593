package org.lunglens.imaging.dicom;

import java.util.Arrays;

/** The transfer syntaxes LungLens knows by name, and how their pixel data is encoded. */
public enum TransferSyntax {
    IMPLICIT_LITTLE("1.2.840.10008.1.2", "Implicit VR Little Endian", Encoding.NATIVE),
    EXPLICIT_LITTLE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Encoding.NATIVE),
    DEFLATED("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Encoding.NATIVE),
    EXPLICIT_BIG("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Encoding.NATIVE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (process 1)", Encoding.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (process 2 & 4)", Encoding.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (process 14)", Encoding.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless (process 14, SV1)", Encoding.JPEG),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", Encoding.UNSUPPORTED),
    JPEG_LS("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", Encoding.UNSUPPORTED),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 (lossless only)", Encoding.JPEG_2000),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000", Encoding.JPEG_2000),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", Encoding.RLE);

    /** How the pixel data of a syntax is stored. */
    public enum Encoding { NATIVE, RLE, JPEG, JPEG_2000, UNSUPPORTED }

    private final String uid;
    private final String label;
    private final Encoding encoding;

    TransferSyntax(String uid, String label, Encoding encoding) {
        this.uid = uid;
        this.label = label;
        this.encoding = encoding;
    }

    /** The syntax of a UID, or null for one LungLens does not know. */
    public static TransferSyntax of(String uid) {
        return Arrays.stream(values()).filter(s -> s.uid.equals(uid)).findFirst().orElse(null);
    }

    public String uid() {
        return uid;
    }

    public String label() {
        return label;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The data set itself (not just the pixel data) has VRs written out. */
    public boolean explicitVr() {
        return this != IMPLICIT_LITTLE;
    }

    public boolean bigEndian() {
        return this == EXPLICIT_BIG;
    }

    /** Pixel data as encapsulated fragments rather than one native value. */
    public boolean encapsulated() {
        return encoding != Encoding.NATIVE;
    }
}
