package org.lunglens.ui.viewer;

import java.nio.IntBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.lunglens.imaging.DisplaySettings;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.WindowLevel;

/**
 * Renders one viewport's image off the FX thread, latest request wins: while one render runs, newer
 * requests replace each other, so a fast window drag on a 4k x 4k image never queues up stale frames.
 */
final class RenderQueue {
    private record Job(PixelData pixels, DisplaySettings settings) {
    }

    private final Executor executor;
    /** Called on the FX thread with the source a frame was rendered from, and the frame. */
    private final BiConsumer<PixelData, WritableImage> onRendered;
    private final AtomicReference<Job> pending = new AtomicReference<>();

    RenderQueue(Executor executor, BiConsumer<PixelData, WritableImage> onRendered) {
        this.executor = executor;
        this.onRendered = onRendered;
    }

    void request(PixelData pixels, DisplaySettings settings) {
        if (pending.getAndSet(new Job(pixels, settings)) == null) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        Job job = pending.get();
        int[] argb = WindowLevel.toArgb(job.pixels(), job.settings());
        int w = job.pixels().width();
        int h = job.pixels().height();
        Platform.runLater(() -> {
            // Wraps the array without a copy; every frame gets a fresh array, so none is written while shown.
            PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(argb),
                    PixelFormat.getIntArgbPreInstance());
            onRendered.accept(job.pixels(), new WritableImage(buffer));
        });
        if (!pending.compareAndSet(job, null)) {
            executor.execute(this::drain);
        }
    }
}
