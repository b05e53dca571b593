package org.lunglens.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;

/**
 * Decodes and preprocesses a list of images once, in parallel, keeping the model inputs in memory:
 * training reads every image every epoch, and decoding them again each time would cost more than
 * the augmentation. Unreadable files are kept aside with the reason.
 */
public final class InputCache {
    private final Map<Path, float[]> inputs;
    private final Map<Path, String> failures;
    private final UnaryOperator<float[]> view;

    public InputCache(List<LabelledImage> images, Preprocessor preprocessor, ProgressListener progress) {
        inputs = new ConcurrentHashMap<>();
        failures = new ConcurrentHashMap<>();
        view = UnaryOperator.identity();
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

    private InputCache(InputCache source, UnaryOperator<float[]> view) {
        inputs = source.inputs;
        failures = source.failures;
        this.view = view;
    }

    /**
     * The same films, each input passed through {@code view} when read (e.g. a border mask), without decoding
     * them again or keeping a second copy in memory.
     */
    public InputCache view(UnaryOperator<float[]> view) {
        return new InputCache(this, view);
    }

    /** The input of a file, or null if it could not be read. */
    public float[] get(Path file) {
        float[] input = inputs.get(file);
        return input == null ? null : view.apply(input);
    }

    public Map<Path, String> failures() {
        return Map.copyOf(failures);
    }

    /** Only the images that could be read. */
    public List<LabelledImage> readable(List<LabelledImage> images) {
        return images.stream().filter(i -> inputs.containsKey(i.file())).toList();
    }
}
