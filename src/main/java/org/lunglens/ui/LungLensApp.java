package org.lunglens.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.lunglens.app.StartOptions;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.patientlog.LogSettings;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.teaching.TeachingFeature;
import org.lunglens.ui.viewer.RecentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application, started with the {@link StartOptions} the {@code lunglens} command parsed (what to open,
 * the patient log, demo and screenshot options). {@code -Dlunglens.startupProbe=true} prints start-up times and
 * quits ({@link StartupProbe}, for the benchmarks); {@code -Dlunglens.sessionProbe=N} reads N films of a folder one
 * after another and reports time and memory per film ({@link SessionProbe}).
 */
public final class LungLensApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LungLensApp.class);
    /** Handed from {@link #launchApp} to the instance JavaFX creates (it takes only string parameters). */
    private static volatile StartOptions pending = StartOptions.defaults();

    /** Window icon sizes, rendered from {@code icons/lunglens.svg} by {@code icons/render-icons.sh}. */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private BackgroundWork work;
    private PatientLogFeature patientLog;

    /** Starts JavaFX and the app; returns when the app has quit. */
    public static void launchApp(StartOptions options) {
        pending = options;
        // Before JavaFX: ND4J's start-up must not meet another thread loading a library (Nd4jSettings)
        try {
            Nd4jSettings.loadBackendForInference();
        } catch (RuntimeException | LinkageError e) {
            // The viewer works without it; the AI tab reports the failure when a model is first used
            LOG.warn("ND4J did not load: {}", e.toString());
        }
        Application.launch(LungLensApp.class);
    }

    @Override
    public void start(Stage stage) {
        StartOptions options = pending;
        StartupProbe probe = StartupProbe.startIfRequested();
        work = new BackgroundWork();
        MainWindow window = new MainWindow(work, RecentFiles.forUser());
        patientLog = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, options.database(),
                LogSettings.forUser());
        SessionProbe session = SessionProbe.startIfRequested(window);
        // The probes measure the AI as it runs: read first would hide it until a read that no one records
        AiRunRecording.connect(window, patientLog.pane(), patientLog.aiRuns(), probe == null && session == null);
        MeasurementRecording.connect(window, patientLog);
        TeachingFeature teaching = TeachingFeature.install(window.sideTabs(), window.model(),
                () -> window.aiPane().settings().modelFileProperty().get(), work, patientLog.service(), patientLog.aiRuns());
        teaching.setOpener(window::open);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = Styles.scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        window.install(scene);
        stage.setTitle("LungLens \u2014 not for clinical use");
        stage.getIcons().addAll(windowIcons());
        stage.setScene(scene);
        if (!options.windowed()) {
            // A reading tool wants the whole screen; explicit bounds also work where no window manager runs
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        List<Path> initial = options.open();
        if (initial.isEmpty() && options.warmUp()) {
            warmUpOnceShown(stage, window);
        }
        if (probe != null) {
            probe.watch(stage, window, !initial.isEmpty());
        }
        stage.show();
        if (!initial.isEmpty()) {
            window.open(initial);
        }
        applyDemoOptions(options, window, teaching);
    }

    /** The start options that put the window in a given state for a demo or a screenshot. */
    private static void applyDemoOptions(StartOptions options, MainWindow window, TeachingFeature teaching) {
        window.model().gridModeProperty().set(options.grid());
        window.presenterScaleProperty().set(options.presenter());
        if (options.tab() != null) {
            window.sideTabs().getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(options.tab())).findFirst()
                    .ifPresent(t -> window.sideTabs().getSelectionModel().select(t));
        }
        window.aiPane().overlayShownProperty().set(options.gradCam());
        teaching.start(options.quiz(), options.explain());
        if (options.siteCheck() != null) {
            window.aiPane().views().checkFolder(options.siteCheck());
        }
    }

    /**
     * Loads the AI model while the user is still choosing an image, once the window is up: on two busy
     * cores, loading ND4J beside the first layout delayed the window by ~0.8 s. Not with an image opened at
     * start, whose analysis loads the model at once anyway.
     */
    private static void warmUpOnceShown(Stage stage, MainWindow window) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                window.aiPane().warmUp();
            }
        });
    }

    /** Every icon size found on the class path; the window manager picks the size it needs. */
    static List<Image> windowIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            try (InputStream in = LungLensApp.class.getResourceAsStream("icons/lunglens-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                // Closing a class-path stream does not fail in practice; an icon is not worth a failed start.
            }
        }
        return icons;
    }

    @Override
    public void stop() {
        if (patientLog != null) {
            patientLog.close();
        }
        if (work != null) {
            work.shutdown();
        }
    }
}
