package org.lunglens.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;

/**
 * Decodes and preprocesses a list of images once, in parallel, keeping the model inputs in memory:
 * training reads every image every epoch, and decoding them again each time would cost more than
 * the augmentation. Unreadable files are kept aside with the reason.
 */
public final class InputCache {
    private final Map<Path, float[]> inputs = new ConcurrentHashMap<>();
    private final Map<Path, String> failures = new ConcurrentHashMap<>();

    public InputCache(List<LabelledImage> images, Preprocessor preprocessor, ProgressListener progress) {
        ImageLoader loader = new ImageLoader();
        AtomicLong done = new AtomicLong();
        images.parallelStream().forEach(image -> {
            try {
                inputs.put(image.file(), preprocessor.toInput(loader.load(image.file()).pixels()));
            } catch (ImageLoadException e) {
                failures.put(image.file(), e.getMessage());
            }
            long d = done.incrementAndGet();
            if (d % 5000 == 0 || d == images.size()) {
                progress.progress(d, images.size(), "decoding images");
            }
        });
    }

    /** The input of a file, or null if it could not be read. */
    public float[] get(Path file) {
        return inputs.get(file);
    }

    public Map<Path, String> failures() {
        return Map.copyOf(failures);
    }

    /** Only the images that could be read. */
    public List<LabelledImage> readable(List<LabelledImage> images) {
        return images.stream().filter(i -> inputs.containsKey(i.file())).toList();
    }
}
