package org.lunglens.ui.viewer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.app.TaskHandle;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.ChannelViews;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueWindow;
import org.lunglens.imaging.WindowPreset;
import org.lunglens.ui.common.BackgroundWork;

/**
 * Every {@link ChannelView} of the current image, computed once in the background on first demand.
 * A new image cancels the old computation and drops its waiting callers. FX thread only.
 */
public final class ChannelCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChannelCache.class);
    private final BackgroundWork work;
    private final List<Consumer<Map<ChannelView, ChannelImage>>> waiting = new ArrayList<>();
    private PixelData image;
    private TaskHandle task;
    private Map<ChannelView, ChannelImage> result;

    public ChannelCache(BackgroundWork work) {
        this.work = work;
    }

    void setImage(PixelData pixels) {
        if (task != null) {
            task.cancel();
        }
        task = null;
        result = null;
        waiting.clear();
        image = pixels;
    }

    /** Calls {@code onReady} with the views of {@code pixels}, switching to that image first if needed. */
    public void request(PixelData pixels, Consumer<Map<ChannelView, ChannelImage>> onReady) {
        if (pixels != image) {
            setImage(pixels);
        }
        if (result != null) {
            onReady.accept(result);
            return;
        }
        if (image == null) {
            return;
        }
        waiting.add(onReady);
        if (task == null) {
            start(image);
        }
    }

    private void start(PixelData pixels) {
        // A cancelled computation calls back nothing: a newer image's views never meet an older image's callers
        task = work.execute(TaskExecutor.Lane.COMPUTE, BackgroundTask.of("Computing channel views", context -> {
            Map<ChannelView, ChannelImage> out = new EnumMap<>(ChannelView.class);
            ChannelView[] views = ChannelView.values();
            for (int i = 0; i < views.length && !context.isCancelled(); i++) {
                context.progress(i, views.length);
                PixelData p = ChannelViews.compute(pixels, views[i]);
                ValueWindow own = views[i].hasOwnScale() ? WindowPreset.FULL.window(Histogram.of(p)) : null;
                out.put(views[i], new ChannelImage(p, own));
            }
            return out;
        }).onSuccess(views -> {
            result = views;
            List<Consumer<Map<ChannelView, ChannelImage>>> ready = new ArrayList<>(waiting);
            waiting.clear();
            ready.forEach(c -> c.accept(views));
        }).onFailure(problem -> LOG.error("Channel views could not be computed", problem)));
    }
}
