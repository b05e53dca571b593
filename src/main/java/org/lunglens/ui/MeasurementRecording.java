package org.lunglens.ui;

import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.patientlog.PatientLogService;

/**
 * Keeps the viewer's measurements in the patient log: each film's are read back when it is shown (and again once
 * the log has opened or another log file is chosen); each one drawn, removed or brought back by undo is written.
 */
final class MeasurementRecording {
    private MeasurementRecording() {
    }

    static void connect(MainWindow window, PatientLogFeature log) {
        window.measurements().setStore(log.measurementStore());
        log.service().stateProperty().addListener((o, old, state) -> {
            if (state == PatientLogService.State.READY) {
                window.measurements().reload();
            }
        });
    }
}
