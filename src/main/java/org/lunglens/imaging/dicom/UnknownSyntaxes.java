package org.lunglens.imaging.dicom;

/** Names for transfer syntaxes LungLens does not decode, so a refusal says what the file is. */
final class UnknownSyntaxes {
    private UnknownSyntaxes() {
    }

    static String describe(String uid) {
        String name;
        if (uid.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.20[123]")) {
            name = "High-Throughput JPEG 2000";
        } else if (uid.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.1\\d\\d")) {
            name = "MPEG/HEVC video";
        } else if (uid.equals("1.2.840.10008.1.2.4.92") || uid.equals("1.2.840.10008.1.2.4.93")) {
            name = "JPEG 2000 Part 2 (multi-component)";
        } else if (uid.equals("1.2.840.10008.1.2.4.94") || uid.equals("1.2.840.10008.1.2.4.95")) {
            name = "JPIP (pixel data on a server)";
        } else if (uid.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.(5[2-9]|6\\d)")) {
            name = "retired JPEG process";
        } else {
            name = "unknown";
        }
        return DicomParser.printable(uid) + " (" + name + ")";
    }
}
