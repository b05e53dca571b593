package org.lunglens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application. Files or folders to open at start come from the application parameters or
 * from {@code -Dlunglens.open=PATH[,PATH...]} (the jar's {@code main} sends arguments to the CLI).
 */
public final class LungLensApp extends Application {
    private BackgroundWork work;

    public static void launchApp(String[] args) {
        Application.launch(LungLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        work = new BackgroundWork();
        MainWindow window = new MainWindow(work, RecentFiles.forUser());
        Scene scene = new Scene(window.root(), 1440, 900);
        window.install(scene);
        stage.setTitle("LungLens \u2014 not for clinical use");
        stage.setScene(scene);
        stage.show();
        List<Path> initial = initialPaths();
        if (!initial.isEmpty()) {
            window.open(initial);
        }
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
        if (work != null) {
            work.shutdown();
        }
    }
}
