package org.lunglens.imaging.dicom;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Who the film is of, as the file says, in the words a form wants: the name "Family, Given Middle" (from DICOM's
 * "Family^Given^Middle"), the birth date as yyyy-MM-dd, the sex as "M", "F" or "O"; "" for anything absent.
 */
public record PatientDetails(String id, String name, String birthDate, String sex) {

    static PatientDetails of(DicomDataset ds) {
        String sex = ds.text(0x00100040).toUpperCase(java.util.Locale.ROOT);
        return new PatientDetails(ds.text(0x00100020), personName(ds.text(0x00100010)), date(ds.text(0x00100030)),
                sex.equals("M") || sex.equals("F") || sex.equals("O") ? sex : "");
    }

    public boolean isEmpty() {
        return id.isEmpty() && name.isEmpty() && birthDate.isEmpty() && sex.isEmpty();
    }

    /** "Doe^John^Q" -> "Doe, John Q"; only the first (alphabetic) of the '='-separated representations. */
    static String personName(String pn) {
        String alphabetic = pn.split("=", -1)[0];
        String[] parts = alphabetic.split("\\^", -1);
        String family = parts[0].strip();
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            if (!parts[i].isBlank()) {
                given.append(given.length() == 0 ? "" : " ").append(parts[i].strip());
            }
        }
        if (given.length() == 0) {
            return family;
        }
        return family.isEmpty() ? given.toString() : family + ", " + given;
    }

    private static String date(String da) {
        try {
            return LocalDate.parse(da.strip(), DateTimeFormatter.BASIC_ISO_DATE).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
