package org.lunglens.ui.viewer;

import java.nio.file.Path;
import javafx.concurrent.Task;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.ui.common.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads files in the background; opening a new file cancels the previous load and drops its result. */
public final class ImageOpener {
    private static final Logger LOG = LoggerFactory.getLogger(ImageOpener.class);

    private record Opened(LoadedImage image, Histogram histogram) {
    }

    private final ViewerModel model;
    private final BackgroundWork work;
    private final ImageLoader loader = new ImageLoader();
    private Task<Opened> current;

    public ImageOpener(ViewerModel model, BackgroundWork work) {
        this.model = model;
        this.work = work;
    }

    public void open(Path file) {
        if (current != null) {
            current.cancel();
        }
        model.startLoading(file);
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws ImageLoadException {
                updateProgress(-1, 1);
                LoadedImage img = loader.load(file);
                if (isCancelled()) {
                    return null;
                }
                return new Opened(img, Histogram.of(img.pixels()));
            }
        };
        current = task;
        task.setOnSucceeded(e -> {
            if (task == current && task.getValue() != null) {
                model.show(task.getValue().image(), task.getValue().histogram());
            }
        });
        task.setOnFailed(e -> {
            if (task == current) {
                model.fail(file, describe(task.getException()));
            }
        });
        work.load("Opening " + file.getFileName(), task);
    }

    private static String describe(Throwable t) {
        if (t instanceof ImageLoadException) {
            return t.getMessage();
        }
        LOG.error("Unexpected failure while opening an image", t);
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory to open this image (start LungLens with a larger -Xmx).";
        }
        return "Unexpected error: " + t;
    }
}
