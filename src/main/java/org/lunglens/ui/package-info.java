/**
 * The JavaFX desktop app: main window, viewer, side panes, view models. The only package that imports
 * JavaFX; pixels are computed in {@code org.lunglens.imaging} and only shown here. {@link
 * org.lunglens.ui.viewer.ViewerModel} holds the viewer state without needing a running toolkit; {@link
 * org.lunglens.ui.viewer.ImageViewer#transformProperty()} and {@code addImageOverlay} are where an aligned
 * heatmap overlay attaches, and {@link org.lunglens.ui.MainWindow#sideTabs()} takes further tabs. {@link
 * org.lunglens.ui.patientlog.PatientLogFeature} adds the patient log tab and the {@link org.lunglens.ui.patientlog.AiRunRecorder} that
 * logs AI runs; {@link org.lunglens.ui.patientlog.PatientLogService} runs every log call on one background thread. {@link
 * org.lunglens.ui.teaching.TeachingFeature} adds the "Teach" tab: blinded quizzes (with the presenter view), the data set
 * overview, and Grad-CAM beside occlusion sensitivity with the "what if" tool.
 */
package org.lunglens.ui;
