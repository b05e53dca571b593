package org.lunglens.ui.ai;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ColorMap;
import org.lunglens.model.BundledModels;

/** The AI tab's choices, kept between sessions in {@link Preferences}: run on open, model, overlay style. */
public final class AiSettings {
    private final Preferences prefs;
    private final BooleanProperty autoRun;
    private final StringProperty modelFile;
    private final ObjectProperty<ColorMap> colorMap;
    private final DoubleProperty opacity;
    private final DoubleProperty threshold;
    private final ObjectBinding<OverlayStyle> style;

    /** The bundled models a reader can choose, in the order the choice lists them. */
    static final List<String> MODEL_FILES = BundledModels.FILES;
    /** The bundled models, then the user's own (an adapted model, say), read once when the settings are made. */
    private final List<String> modelFiles;

    public AiSettings(Preferences prefs) {
        this.prefs = prefs;
        OverlayStyle d = OverlayStyle.DEFAULT;
        autoRun = new SimpleBooleanProperty(prefs.getBoolean("autoRun", true));
        autoRun.addListener((o, old, v) -> prefs.putBoolean("autoRun", v));
        List<String> files = new java.util.ArrayList<>(MODEL_FILES);
        BundledModels.userModels().stream().filter(f -> !files.contains(f)).forEach(files::add);
        modelFiles = List.copyOf(files);
        String model = prefs.get("model", BundledModels.defaultFileName());
        modelFile = new SimpleStringProperty(modelFiles.contains(model) ? model : BundledModels.defaultFileName());
        modelFile.addListener((o, old, v) -> prefs.put("model", v));
        colorMap = new SimpleObjectProperty<>(parse(prefs.get("colorMap", d.colorMap().name())));
        colorMap.addListener((o, old, v) -> prefs.put("colorMap", v.name()));
        opacity = new SimpleDoubleProperty(clamp(prefs.getDouble("opacity", d.opacity())));
        opacity.addListener((o, old, v) -> prefs.putDouble("opacity", v.doubleValue()));
        threshold = new SimpleDoubleProperty(clamp(prefs.getDouble("threshold", d.threshold())));
        threshold.addListener((o, old, v) -> prefs.putDouble("threshold", v.doubleValue()));
        style = Bindings.createObjectBinding(() -> new OverlayStyle(colorMap.get(), clamp(opacity.get()),
                clamp(threshold.get())), colorMap, opacity, threshold);
    }

    static AiSettings forUser() {
        return new AiSettings(Preferences.userRoot().node("org/lunglens/ai"));
    }

    private static ColorMap parse(String name) {
        try {
            return ColorMap.valueOf(name);
        } catch (IllegalArgumentException e) {
            return OverlayStyle.DEFAULT.colorMap();
        }
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Run the model as soon as an image opens (else on demand, with the Run button). */
    BooleanProperty autoRunProperty() {
        return autoRun;
    }

    /** Every model a reader can choose: the bundled ones, then the user's own. */
    public List<String> modelFiles() {
        return modelFiles;
    }

    /** File name of the chosen model, one of {@link #modelFiles()}. */
    public StringProperty modelFileProperty() {
        return modelFile;
    }

    ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    DoubleProperty opacityProperty() {
        return opacity;
    }

    DoubleProperty thresholdProperty() {
        return threshold;
    }

    ObjectBinding<OverlayStyle> style() {
        return style;
    }

    Preferences preferences() {
        return prefs;
    }
}
