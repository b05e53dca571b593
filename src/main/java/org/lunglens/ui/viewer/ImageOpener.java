package org.lunglens.ui.viewer;

import java.nio.file.Path;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.app.TaskHandle;
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
    private TaskHandle current = TaskHandle.DONE;

    public ImageOpener(ViewerModel model, BackgroundWork work) {
        this.model = model;
        this.work = work;
    }

    /** Opens {@code file}; a newer open cancels this one, and a cancelled open shows nothing. */
    public void open(Path file) {
        current.cancel();
        model.startLoading(file);
        current = work.execute(TaskExecutor.Lane.LOAD, BackgroundTask.of("Opening " + file.getFileName(), context -> {
            LoadedImage img = loader.load(file);
            return context.isCancelled() ? null : new Opened(img, Histogram.of(img.pixels()));
        }).onSuccess(opened -> {
            if (opened != null) {
                model.show(opened.image(), opened.histogram());
            }
        }).onFailure(problem -> model.fail(file, describe(problem))));
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
