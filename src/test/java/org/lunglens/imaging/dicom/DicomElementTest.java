package org.lunglens.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the tag browser shows values: numbers for binary VRs, text for text and for text-like UN values. */
class DicomElementTest {
    private static DicomElement element(String vr, byte[] value) {
        return new DicomElement(0x00091001, vr, value, value.length, ByteOrder.LITTLE_ENDIAN,
                StandardCharsets.ISO_8859_1, null);
    }

    @Test
    void valuesAreShownAsAPersonReadsThem() {
        assertThat(element("US", new byte[] {0, 2, 1, 0}).display(80)).isEqualTo("512\\1");
        assertThat(element("DS", "0.143\\0.139 ".getBytes(StandardCharsets.US_ASCII)).numbers())
                .containsExactly(0.143, 0.139);
        assertThat(element("UN", "SIEMENS CSA\0".getBytes(StandardCharsets.US_ASCII)).display(80))
                .isEqualTo("SIEMENS CSA");
        assertThat(element("UN", new byte[] {1, 2, 3, 4}).display(80)).isEqualTo("(4 bytes)");
        assertThat(element("LO", "a long description".getBytes(StandardCharsets.US_ASCII)).display(7))
                .isEqualTo("a long…");
    }
}
