package org.lunglens.ui;

import java.nio.file.Path;
import org.lunglens.log.LogSettings;

/**
 * The patient log in the app, wired once at start: the service (opening the file from {@code --db}, the
 * preference or the default location), the "Patient log" side tab, and the {@link AnalysisLogger} for the AI pane.
 *
 * @param service the log connection; close it when the app stops
 * @param pane    the side pane
 * @param logger  call {@link AnalysisLogger#log} after each AI run
 */
public record PatientLogFeature(LogService service, PatientLogPane pane, AnalysisLogger logger) {
    /** Adds the "Patient log" tab to {@code window} and starts opening the log in the background. */
    public static PatientLogFeature install(MainWindow window, Path commandLineDb, LogSettings settings) {
        return install(window, commandLineDb, settings, new LogService(), new LogDialogs());
    }

    static PatientLogFeature install(MainWindow window, Path commandLineDb, LogSettings settings, LogService service,
                                     LogDialogs dialogs) {
        PatientLogPane pane = new PatientLogPane(service, settings, window.model(), window::open, dialogs);
        window.sideTabs().getTabs().add(pane.tab());
        service.open(settings.resolve(commandLineDb));
        return new PatientLogFeature(service, pane, new AnalysisLogger(service, settings, pane::showError));
    }

    public void close() {
        service.close();
    }
}
