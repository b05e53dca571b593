package org.lunglens.imaging.dicom;

import java.util.List;
import java.util.Optional;
import org.lunglens.imaging.PixelSpacing;
import org.lunglens.imaging.ValueScale;
import org.lunglens.imaging.ValueWindow;

/**
 * What a DICOM file says beyond its pixels.
 *
 * @param transferSyntax the syntax's name, e.g. "JPEG Lossless (process 14, SV1)"
 * @param elements       the top-level elements in file order (file meta group included), for the tag browser
 * @param valueScale     sample to the file's values (rescale slope and intercept)
 * @param window         the file's own window (Window Center/Width or VOI LUT), in samples; null when none
 * @param spacing        pixel size, null when the file gives none
 * @param frames         frames in the file; LungLens shows the first
 */
public record DicomInfo(String transferSyntax, List<DicomElement> elements, ValueScale valueScale,
        ValueWindow window, PixelSpacing spacing, PatientDetails patient, int frames) {

    public DicomInfo {
        elements = List.copyOf(elements);
    }

    public Optional<ValueWindow> initialWindow() {
        return Optional.ofNullable(window);
    }

    public Optional<PixelSpacing> pixelSpacing() {
        return Optional.ofNullable(spacing);
    }
}
