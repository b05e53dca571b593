package org.lunglens.imaging.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Specific Character Set (0008,0005) to a Java charset: the single-byte and Unicode ones; Latin-1 otherwise. */
final class Charsets {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO_IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "Shift_JIS"), Map.entry("ISO_IR 166", "TIS-620"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private Charsets() {
    }

    static Charset of(String specificCharacterSet) {
        for (String term : specificCharacterSet.split("\\\\")) {
            String name = NAMES.get(term.strip());
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.ISO_8859_1;
    }
}
