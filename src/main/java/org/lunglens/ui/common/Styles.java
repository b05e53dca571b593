package org.lunglens.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * The one way the ui makes a Scene or a dialog, so that each window gets the app's stylesheet
 * ({@code lunglens.css}: its colours, named once, and its style classes). ArchitectureTest checks that no other
 * class calls {@code new Scene}, {@code new Dialog} or {@code new Alert}.
 */
public final class Styles {
    /** The stylesheet's URL, as {@code getStylesheets()} wants it. */
    public static final String STYLESHEET = stylesheet();

    private Styles() {
    }

    private static String stylesheet() {
        java.net.URL url = Styles.class.getResource("/org/lunglens/ui/lunglens.css");
        if (url == null) {
            throw new IllegalStateException("lunglens.css is missing from the classpath");
        }
        return url.toExternalForm();
    }

    /** A scene of {@code root} at its preferred size, styled. */
    public static Scene scene(Parent root) {
        return apply(new Scene(root));
    }

    public static Scene scene(Parent root, double width, double height) {
        return apply(new Scene(root, width, height));
    }

    /** An empty dialog, styled (a dialog has its own scene, which the owner's stylesheets do not reach). */
    public static <T> Dialog<T> dialog() {
        Dialog<T> d = new Dialog<>();
        d.getDialogPane().getStylesheets().add(STYLESHEET);
        return d;
    }

    public static Alert alert(Alert.AlertType type, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.getDialogPane().getStylesheets().add(STYLESHEET);
        return a;
    }

    /** Switches a CSS pseudo-class (a state the stylesheet styles, such as {@code :archived}) on or off. */
    public static void setState(Node node, String pseudoClass, boolean on) {
        node.pseudoClassStateChanged(PseudoClass.getPseudoClass(pseudoClass), on);
    }

    private static Scene apply(Scene scene) {
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }
}
