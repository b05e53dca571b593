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
import org.lunglens.patientlog.LogSettings;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.patientlog.PatientLogFeature;
import org.lunglens.ui.teaching.TeachingFeature;
import org.lunglens.ui.viewer.RecentFiles;

/**
 * The desktop application. Files or folders to open at start come from the application parameters or
 * from {@code -Dlunglens.open=PATH[,PATH...]} (the jar's {@code main} sends arguments to the CLI);
 * {@code -Dlunglens.maximized=false} keeps a 1440x900 window, {@code -Dlunglens.grid=true} starts in the channel grid,
 * {@code -Dlunglens.tab=AI} selects a side tab, {@code -Dlunglens.gradcam=true} starts with the Grad-CAM heatmap on;
 * teaching mode's flags are in {@link TeachingFeature#startFromProperties()}.
 * {@code --db=FILE} as a named parameter chooses the patient log file; {@code -Dlunglens.startupProbe=true} prints
 * start-up times and quits ({@link StartupProbe}); {@code -Dlunglens.noWarmUp=true} leaves the model unloaded
 * until the first analysis.
 */
public final class LungLensApp extends Application {
    /** Window icon sizes, rendered from {@code icons/lunglens.svg} by {@code icons/render-icons.sh}. */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private BackgroundWork work;
    private PatientLogFeature patientLog;

    public static void launchApp(String[] args) {
        Application.launch(LungLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe probe = StartupProbe.startIfRequested();
        work = new BackgroundWork();
        MainWindow window = new MainWindow(work, RecentFiles.forUser());
        patientLog = PatientLogFeature.install(window.sideTabs(), window.model(), window::open, commandLineDb(),
                LogSettings.forUser());
        AiRunLogging.connect(window, patientLog.logger());
        TeachingFeature teaching = TeachingFeature.install(window.sideTabs(), window.model(),
                () -> window.aiPane().settings().modelFileProperty().get(), work, patientLog.service(), patientLog.logger());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = Styles.scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        window.install(scene);
        stage.setTitle("LungLens \u2014 not for clinical use");
        stage.getIcons().addAll(windowIcons());
        stage.setScene(scene);
        if (Boolean.parseBoolean(System.getProperty("lunglens.maximized", "true"))) {
            // A reading tool wants the whole screen; explicit bounds also work where no window manager runs
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        List<Path> initial = initialPaths();
        if (initial.isEmpty() && !Boolean.getBoolean("lunglens.noWarmUp")) {
            warmUpOnceShown(stage, window);
        }
        if (probe != null) {
            probe.watch(stage, window, !initial.isEmpty());
        }
        stage.show();
        if (!initial.isEmpty()) {
            window.open(initial);
        }
        // -Dlunglens.grid=true starts in the channel grid (demos, screenshots)
        window.model().gridModeProperty().set(Boolean.getBoolean("lunglens.grid"));
        // -Dlunglens.tab=AI shows that side tab, -Dlunglens.gradcam=true starts with the heatmap on (demos, screenshots)
        String tab = System.getProperty("lunglens.tab");
        window.sideTabs().getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(tab)).findFirst()
                .ifPresent(t -> window.sideTabs().getSelectionModel().select(t));
        window.aiPane().overlayShownProperty().set(Boolean.getBoolean("lunglens.gradcam"));
        // -Dlunglens.quiz=DIR [-Dlunglens.quiz.start=window|presenter], -Dlunglens.explain=true (demos, screenshots)
        teaching.startFromProperties();
        // -Dlunglens.sitecheck=DIR checks that folder against the chosen model at start (demos, screenshots)
        String siteCheck = System.getProperty("lunglens.sitecheck");
        if (siteCheck != null && !siteCheck.isBlank()) {
            window.aiPane().views().checkFolder(Path.of(siteCheck));
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

    /** {@code --db=FILE} (from {@code lunglens --db FILE}): the patient log file for this session. */
    private Path commandLineDb() {
        String db = getParameters().getNamed().get("db");
        return db == null || db.isBlank() ? null : Path.of(db);
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

    private List<Path> initialPaths() {
        List<Path> out = new ArrayList<>();
        getParameters().getUnnamed().forEach(a -> out.add(Path.of(a)));
        String prop = System.getProperty("lunglens.open");
        if (prop != null && !prop.isBlank()) {
            for (String p : prop.split(",")) {
                out.add(Path.of(p.strip()));
            }
        }
        return out;
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
