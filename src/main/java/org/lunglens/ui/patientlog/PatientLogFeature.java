package org.lunglens.ui.patientlog;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.ui.viewer.ViewerModel;

/**
 * The patient log in the app, wired once at start: the service (opening the file from {@code --db}, the
 * preference or the default location), the "Patient log" side tab, and the {@link AiRunRecorder} for the AI pane.
 *
 * @param service the log connection; close it when the app stops
 * @param pane    the side pane
 * @param aiRuns  call {@link AiRunRecorder#record} after each AI run
 */
public record PatientLogFeature(PatientLogService service, PatientLogPane pane, AiRunRecorder aiRuns) {
    /** The side panel's share of the window while the log tab is shown. */
    static final double WIDE_SIDE_SHARE = 0.5;

    /**
     * Adds the "Patient log" tab to {@code sideTabs} and starts opening the log in the background.
     *
     * @param viewer the viewer whose image the log pane follows
     * @param open   opens a file from the log in the viewer
     */
    public static PatientLogFeature install(TabPane sideTabs, ViewerModel viewer, Consumer<java.util.List<Path>> open,
                                            Path commandLineDb, LogSettings settings) {
        return install(sideTabs, viewer, open, commandLineDb, settings, new PatientLogService(), new LogDialogs());
    }

    public static PatientLogFeature install(TabPane sideTabs, ViewerModel viewer, Consumer<java.util.List<Path>> open,
                                            Path commandLineDb, LogSettings settings, PatientLogService service,
                                            LogDialogs dialogs) {
        PatientLogPane pane = new PatientLogPane(service, settings, viewer, open, dialogs);
        Tab tab = pane.tab();
        sideTabs.getTabs().add(tab);
        widenWhileSelected(sideTabs, tab, WIDE_SIDE_SHARE);
        service.open(settings.resolve(commandLineDb));
        return new PatientLogFeature(service, pane, new AiRunRecorder(service, settings, pane::showError));
    }

    /**
     * A table of eleven columns does not fit the side panel's usual width: while {@code tab} is selected the side
     * panel takes {@code share} of the window, and gives the width back when another tab is chosen.
     */
    static void widenWhileSelected(TabPane tabs, Tab tab, double share) {
        double[] before = {Double.NaN};
        InvalidationListener[] pending = {null};
        // Run after the current pulse, not at install: the split pane's skin puts the tabs in it only once shown.
        tab.selectedProperty().addListener((o, was, selected) -> Platform.runLater(() -> {
            SplitPane split = enclosingSplitPane(tabs);
            if (split == null || split.getItems().size() < 2) {
                return;
            }
            int divider = split.getItems().size() - 2;
            if (pending[0] != null) {
                split.widthProperty().removeListener(pending[0]);
                pending[0] = null;
            }
            if (selected) {
                before[0] = split.getDividerPositions()[divider];
                Runnable widen = () -> split.setDividerPosition(divider,
                        Math.min(split.getDividerPositions()[divider], 1 - share));
                widen.run();
                // A window still settling its size (at start) keeps the side panel's old width: widen once more.
                pending[0] = new InvalidationListener() {
                    @Override
                    public void invalidated(Observable w) {
                        split.widthProperty().removeListener(this);
                        pending[0] = null;
                        Platform.runLater(widen);
                    }
                };
                split.widthProperty().addListener(pending[0]);
            } else if (!Double.isNaN(before[0])) {
                split.setDividerPosition(divider, before[0]);
            }
        }));
    }

    private static SplitPane enclosingSplitPane(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof SplitPane)) {
            n = n.getParent();
        }
        return (SplitPane) n;
    }

    /** Keeps the viewer's measurements in this log, per image; problems show in the log pane. */
    public MeasurementRecorder measurementStore() {
        return new MeasurementRecorder(service, pane::showError);
    }

    public void close() {
        service.close();
    }
}
