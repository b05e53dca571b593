package org.lunglens.ui;

import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.ui.patientlog.AiRunRecorder;

/** Records every AI run of the AI tab in the patient log (the recorder itself honours the "log AI runs" preference). */
final class AiRunRecording {
    private AiRunRecording() {
    }

    static void connect(MainWindow window, AiRunRecorder aiRuns) {
        window.aiPane().setOnAnalysis(run -> {
            LoadedImage image = window.model().image();
            // The result belongs to the image on screen; a stale one (user already moved on) is not logged.
            if (image == null || !image.source().equals(run.image())) {
                return;
            }
            GradCamInfo gradCam = run.gradCamClass() == null ? null : new GradCamInfo(run.gradCamClass(), run.gradCamSettings());
            aiRuns.record(image, run.modelName(), run.modelFile(), run.scores(), run.familiarity(), gradCam,
                    run.durationMillis());
        });
    }
}
