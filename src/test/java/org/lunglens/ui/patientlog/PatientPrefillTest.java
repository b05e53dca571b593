package org.lunglens.ui.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.imaging.DicomWriter;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.ImageFixtures;
import org.lunglens.patientlog.Patient;
import org.lunglens.patientlog.Sex;

/** A new patient's form starts with the open DICOM's patient ID, name, birth date and sex. */
class PatientPrefillTest {
    @TempDir
    Path dir;

    @Test
    void aDicomsPatientFillsTheNewPatientForm() throws Exception {
        Path file = DicomWriter.image(2, 2, 1, 8, 8, false, "MONOCHROME2").text(0x00100010, "PN", "Doe^Jane^Q")
                .text(0x00100020, "LO", "P-0042").text(0x00100030, "DA", "19480307").text(0x00100040, "CS", "F")
                .pixels(8, new int[4]).write(dir.resolve("p.dcm"), "1.2.840.10008.1.2.1", null);

        PatientPrefill prefill = PatientPrefill.of(new ImageLoader().load(file));

        assertThat(prefill).isEqualTo(new PatientPrefill("P-0042", "Doe, Jane Q", "1948-03-07", Sex.FEMALE));
        // what the dialog builds from it passes the log's own checks
        Patient draft = Patient.draft(prefill.localId(), prefill.name(), prefill.birth(), prefill.sex(), "");
        assertThat(draft.birth()).isEqualTo("1948-03-07");
    }

    @Test
    void otherImagesLeaveTheFormEmpty() throws Exception {
        Path png = ImageFixtures.write(ImageFixtures.grayRamp(8, 8), "png", dir.resolve("r.png"));

        assertThat(PatientPrefill.of(new ImageLoader().load(png))).isEqualTo(PatientPrefill.NONE);
        assertThat(PatientPrefill.of((org.lunglens.imaging.LoadedImage) null)).isEqualTo(PatientPrefill.NONE);
    }
}
