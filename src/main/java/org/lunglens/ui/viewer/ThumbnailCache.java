package org.lunglens.ui.viewer;

import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.Thumbnail;
import org.lunglens.imaging.WindowPreset;

/**
 * Thumbnails made in the background, once per file while it is among the last {@value #KEPT} used; a file that
 * fails gets a null image and a reason.
 */
final class ThumbnailCache {
    static final int SIZE = 64;
    /** 64 x 64 ARGB is 16 KB: about 16 MB kept however many films a long session pages through. */
    static final int KEPT = 1000;

    record Entry(Image image, String error) {
    }

    private final Executor executor;
    private final Map<Path, Entry> done = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<Path, java.util.List<Consumer<Entry>>> waiting = new HashMap<>();

    ThumbnailCache(Executor executor) {
        this.executor = executor;
    }

    /** Calls {@code onReady} on the FX thread, at once if the thumbnail is known. FX thread only. */
    void get(Path file, Consumer<Entry> onReady) {
        Entry e = done.get(file);
        if (e != null) {
            onReady.accept(e);
            return;
        }
        boolean started = waiting.containsKey(file);
        waiting.computeIfAbsent(file, f -> new java.util.ArrayList<>()).add(onReady);
        if (!started) {
            executor.execute(() -> {
                Entry made = make(file);
                Platform.runLater(() -> {
                    done.put(file, made);
                    waiting.remove(file).forEach(c -> c.accept(made));
                });
            });
        }
    }

    private static Entry make(Path file) {
        try {
            LoadedImage img = new ImageLoader().load(file);
            Thumbnail t = Thumbnail.of(img.pixels(), WindowPreset.AUTO.window(Histogram.of(img.pixels())), SIZE);
            PixelBuffer<IntBuffer> buf = new PixelBuffer<>(t.width(), t.height(), IntBuffer.wrap(t.argb()),
                    PixelFormat.getIntArgbPreInstance());
            return new Entry(new WritableImage(buf), null);
        } catch (ImageLoadException e) {
            return new Entry(null, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Entry(null, "cannot be shown (" + e + ")");
        }
    }
}
