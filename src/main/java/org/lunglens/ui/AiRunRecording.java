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
        // The AI tab reports only results it has shown (one for an image already left is dropped there); a result
        // whose record waits for its folder's site verdict is logged even if the reader has moved on since
        window.aiPane().setOnAnalysis(run -> {
            GradCamInfo gradCam = run.gradCamClass() == null ? null : new GradCamInfo(run.gradCamClass(), run.gradCamSettings());
            aiRuns.record(run.film(), run.modelName(), run.modelFile(), run.scores(), run.familiarity(), gradCam,
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
