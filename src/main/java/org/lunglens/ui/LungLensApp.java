package org.lunglens.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class LungLensApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(LungLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("LungLens"));
        stage.setTitle("LungLens");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
