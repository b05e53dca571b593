package org.lunglens.ui;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.ui.patientlog.AiRunRecorder;
import org.lunglens.ui.patientlog.PatientLogPane;

/**
 * Connects the AI tab and the patient log: every AI run of the tab is recorded (the recorder honours the "log AI
 * runs" preference); read-first hides the tab's reading until the reader's read is in the log; and the log learns
 * which films' AI readings were on the screen, so that a read says truly whether it was made after the AI.
 */
final class AiRunRecording {
    private AiRunRecording() {
    }

    /**
     * @param readFirst whether the log's read-first setting applies; false only for the start-up probe, which times
     *                  the AI on the film given at launch (a build step and a benchmark, on a scratch log)
     */
    static void connect(MainWindow window, PatientLogPane log, AiRunRecorder aiRuns, boolean readFirst) {
        if (readFirst) {
            window.aiPane().hiddenProperty().bind(log.aiHiddenProperty());
        }
        // On the screen means: the AI tab is the selected side tab, or its heatmap is drawn over the image
        InvalidationListener onScreen = o -> {
            LoadedImage image = window.model().image();
            Tab selected = window.sideTabs().getSelectionModel().getSelectedItem();
            boolean visible = (selected != null && contains(selected.getContent(), window.aiPane()))
                    || window.aiPane().overlayShownProperty().get();
            if (window.aiPane().analysisProperty().get() != null && image != null && visible) {
                log.aiShown(image.source());
            }
        };
        window.aiPane().analysisProperty().addListener(onScreen);
        window.aiPane().overlayShownProperty().addListener(onScreen);
        window.sideTabs().getSelectionModel().selectedItemProperty().addListener(onScreen);
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

    private static boolean contains(Node container, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }
}
