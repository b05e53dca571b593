package org.lunglens.ui.patientlog;

import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.dicom.DicomInfo;
import org.lunglens.imaging.dicom.PatientDetails;
import org.lunglens.patientlog.Sex;

/**
 * What the "New patient" form starts with: the open DICOM's Patient ID, name, birth date and sex (empty for other
 * images). The user still checks and confirms them; nothing is stored without the dialog's OK.
 */
record PatientPrefill(String localId, String name, String birth, Sex sex) {
    static final PatientPrefill NONE = new PatientPrefill("", "", "", Sex.UNKNOWN);

    static PatientPrefill of(LoadedImage image) {
        if (image == null) {
            return NONE;
        }
        return image.dicomInfo().map(DicomInfo::patient).map(PatientPrefill::of).orElse(NONE);
    }

    static PatientPrefill of(PatientDetails p) {
        Sex sex = switch (p.sex()) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            case "O" -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
        return new PatientPrefill(p.id(), p.name(), p.birthDate(), sex);
    }
}
