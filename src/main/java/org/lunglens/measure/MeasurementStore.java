package org.lunglens.measure;

import java.util.List;
import java.util.function.Consumer;
import org.lunglens.imaging.LoadedImage;

/**
 * Where the viewer keeps a film's measurements (the patient log in the app): the viewer calls it and does not know
 * what is behind it. Calls and callbacks are on the UI thread; the store does its work elsewhere.
 */
public interface MeasurementStore {
    /** Keeps nothing: the viewer's measurements last until another film is shown. */
    MeasurementStore NONE = new MeasurementStore() {
        @Override
        public void load(LoadedImage image, Consumer<List<Measurement>> found) {
            found.accept(List.of());
        }

        @Override
        public void add(LoadedImage image, Measurement m, String valueText) {
        }

        @Override
        public void setRemoved(LoadedImage image, Measurement m, boolean removed) {
        }
    };

    /** The film's kept measurements (removed ones left out), passed to {@code found} when read. */
    void load(LoadedImage image, Consumer<List<Measurement>> found);

    /** Keeps a new measurement with its value in words. */
    void add(LoadedImage image, Measurement m, String valueText);

    /** Removes a measurement (the log archives it, never deletes) or, on undo, brings it back. */
    void setRemoved(LoadedImage image, Measurement m, boolean removed);
}
