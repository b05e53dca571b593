package org.lunglens.ui.viewer;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;

/**
 * The second film of the two-film layout (1x2): a prior, or another projection, beside the main film. It has its
 * own model and viewer; zoom (image pixels per screen pixel) and pan (the same share of each film) follow the main
 * viewer both ways, and so does the window (with inversion,
 * rotation and flips) whenever both films have the same value range (a 16-bit film's window means nothing on an
 * 8-bit one). While the layout is on, a film chosen in the study list opens on the selected side (click a side to
 * select it; the second side is selected when the layout opens).
 */
public final class ComparePane extends StackPane {
    private final ViewerModel main;
    private final ViewerModel model = new ViewerModel();
    private final ImageOpener opener;
    private final ImageViewer viewer;
    private final Label hint = new Label("Choose a film in the study list to show it here, beside the main film.");
    private final BooleanProperty selected = new SimpleBooleanProperty(true);
    private boolean windowLinked;
    private boolean following;

    public ComparePane(ViewerModel main, BackgroundWork work) {
        this.main = main;
        this.opener = new ImageOpener(model, work);
        this.viewer = new ImageViewer(model, work);
        viewer.setId("compareViewer");
        setId("comparePane");
        hint.setWrapText(true);
        hint.getStyleClass().add("viewer-message");
        hint.setMouseTransparent(true);
        getChildren().addAll(viewer, hint);
        model.zoomProperty().bindBidirectional(main.zoomProperty());
        // Pan by the same share of each film (the same place on two films of different sizes)
        javafx.beans.InvalidationListener fromMain = o -> followCentre(main, model);
        javafx.beans.InvalidationListener fromHere = o -> followCentre(model, main);
        main.centerXProperty().addListener(fromMain);
        main.centerYProperty().addListener(fromMain);
        model.centerXProperty().addListener(fromHere);
        model.centerYProperty().addListener(fromHere);
        model.imageProperty().addListener((o, old, img) -> {
            viewer.setSource(img == null ? null : img.pixels(), null);
            hint.setVisible(img == null);
            linkWindow();
        });
        model.stateProperty().addListener((o, old, s) -> viewer.setMessage(
                s == LoadState.FAILED ? model.messageProperty().get() : ""));
        main.imageProperty().addListener((o, old, img) -> linkWindow());
        selected.addListener((o, was, on) -> Styles.setState(this, "selected", on));
        Styles.setState(this, "selected", true);
    }

    /** Opens {@code file} on this side. */
    public void open(Path file) {
        opener.open(file);
    }

    public ViewerModel model() {
        return model;
    }

    public ImageViewer viewer() {
        return viewer;
    }

    /** Whether a film chosen in the study list opens here (true) or in the main viewer. */
    public BooleanProperty selectedProperty() {
        return selected;
    }

    /** Whether the window follows the main film's now. */
    public boolean windowLinked() {
        return windowLinked;
    }

    private void followCentre(ViewerModel from, ViewerModel to) {
        LoadedImage a = from.image();
        LoadedImage b = to.image();
        if (following || a == null || b == null) {
            return;
        }
        following = true;
        try {
            to.centerXProperty().set(from.centerXProperty().get() / a.pixels().width() * b.pixels().width());
            to.centerYProperty().set(from.centerYProperty().get() / a.pixels().height() * b.pixels().height());
        } finally {
            following = false;
        }
    }

    private void linkWindow() {
        LoadedImage a = main.image();
        LoadedImage b = model.image();
        boolean same = a != null && b != null && a.pixels().maxValue() == b.pixels().maxValue();
        if (same && !windowLinked) {
            model.settingsProperty().bindBidirectional(main.settingsProperty());
        } else if (!same && windowLinked) {
            model.settingsProperty().unbindBidirectional(main.settingsProperty());
        }
        windowLinked = same;
    }
}
