package org.lunglens.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lunglens.gradcam.Heatmap;
import org.lunglens.model.Classifier;

/**
 * Occlusion sensitivity (Zeiler and Fergus, 2014) on a model input: a square patch filled with the input's mean
 * slides over it with a stride; each occluded copy goes through the network (in batches, for speed) and the fall
 * of the class probability below the unoccluded one is recorded at the patch's centre (rises count as zero, as
 * Grad-CAM's ReLU drops negative evidence). The map has the input's resolution, interpolated between patch
 * centres. The patch should be about the size of what the model may rely on: a patch much smaller than an object
 * that the model sees whole barely moves a confident prediction. Not thread-safe (the network is not): call on
 * the AI thread.
 */
public final class Occlusion {
    /**
     * @param patch  side of the occluding square in input pixels
     * @param stride step between patch positions in input pixels
     * @param batch  occluded copies per forward pass
     */
    public record Settings(int patch, int stride, int batch) {
        public Settings {
            if (patch < 1 || stride < 1 || batch < 1) {
                throw new IllegalArgumentException("patch, stride and batch must be positive");
            }
        }

        /** A patch of 1/8 of the input side (16 px at 128 px: about a rib space), half-overlapping. */
        public static Settings forInput(int size) {
            int patch = Math.max(4, Math.round(size / 8f));
            return new Settings(patch, Math.max(1, patch / 2), 64);
        }

        public String describe() {
            return String.format(Locale.ROOT, "occlusion, %d px patch, stride %d, filled with the image mean", patch,
                    stride);
        }
    }

    /**
     * @param map       the mean probability fall per input pixel, scaled to [0, 1]; {@code rawMax} is the largest
     *                  fall (as a probability)
     * @param baseline  the class probability without occlusion
     * @param passes    occluded copies evaluated
     * @param millis    time taken
     */
    public record Result(Heatmap map, float baseline, int passes, double millis) {
    }

    private final Classifier classifier;
    private final int size;

    public Occlusion(Classifier classifier) {
        this.classifier = classifier;
        this.size = classifier.preprocessor().spec().size();
    }

    /** A fall of this much probability (10 points) or more is drawn at full strength; smaller ones fainter. */
    static final float FULL_SCALE = 0.10f;
    /** Below this (it prints as 0.0 points) no patch changes the prediction: nothing is drawn. */
    static final float NEGLIGIBLE = 0.0005f;

    /** "largest fall of P(COVID): 12.3 points", and says so where there is nothing to draw. */
    public static String describeFall(Heatmap map) {
        return String.format(Locale.ROOT, "largest fall of P(%s): %.1f points", map.className(), 100 * map.rawMax())
                + (map.rawMax() < NEGLIGIBLE ? " (no patch changes the prediction: nothing to draw)"
                : map.rawMax() < FULL_SCALE ? " (drawn fainter: full colour is a fall of "
                        + Math.round(100 * FULL_SCALE) + " points)" : "");
    }

    public Result compute(float[] input, int classIndex, Settings settings) {
        long start = System.nanoTime();
        if (input.length != size * size) {
            throw new IllegalArgumentException("input has " + input.length + " values, the model takes " + size * size);
        }
        List<String> classes = classifier.model().metadata().classes();
        float baseline = classifier.predictInputs(List.of(input))[0][classIndex];
        float fill = mean(input);
        int[] starts = starts(settings);
        int n = starts.length;
        float[] falls = new float[n * n]; // row-major over patch positions
        for (int from = 0; from < n * n; from += settings.batch()) {
            int to = Math.min(n * n, from + settings.batch());
            List<float[]> occluded = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                occluded.add(occlude(input, starts[k % n], starts[k / n], settings.patch(), fill));
            }
            float[][] probs = classifier.predictInputs(occluded);
            for (int k = from; k < to; k++) {
                falls[k] = Math.max(0, baseline - probs[k - from][classIndex]);
            }
        }
        double[] centres = new double[n];
        for (int k = 0; k < n; k++) {
            centres[k] = starts[k] + Math.min(settings.patch(), size - starts[k]) / 2.0;
        }
        float[] values = interpolate(falls, centres);
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        // Scaled by its size, not only to its own maximum: a map whose largest fall is a fraction of a point would
        // otherwise glow as brightly as one where hiding a patch takes the prediction away
        float scale = Math.max(max, FULL_SCALE);
        for (int i = 0; i < values.length; i++) {
            values[i] = max < NEGLIGIBLE ? 0 : values[i] / scale;
        }
        Heatmap map = new Heatmap(size, size, values, max, classIndex, classes.get(classIndex), settings.describe());
        return new Result(map, baseline, n * n, (System.nanoTime() - start) / 1e6);
    }

    /** Patch starts on one axis; the last is moved in so the patches reach the input's far edge. */
    private int[] starts(Settings s) {
        List<Integer> starts = new ArrayList<>();
        int last = Math.max(0, size - s.patch());
        for (int v = 0; v < last; v += s.stride()) {
            starts.add(v);
        }
        starts.add(last);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Each fall belongs to its patch's centre; pixels between centres interpolate bilinearly, pixels beyond the
     * outer centres take the nearest. So the map's peak sits at the centre of the patch whose hiding hurt most.
     */
    private float[] interpolate(float[] falls, double[] centres) {
        int n = centres.length;
        float[] out = new float[size * size];
        int[] lo = new int[size];
        double[] t = new double[size];
        for (int p = 0; p < size; p++) {
            double c = p + 0.5;
            int k = 0;
            while (k + 1 < n && centres[k + 1] <= c) {
                k++;
            }
            lo[p] = k;
            t[p] = k + 1 < n && c > centres[k] ? (c - centres[k]) / (centres[k + 1] - centres[k]) : 0;
        }
        for (int y = 0; y < size; y++) {
            int ky = lo[y];
            int ky1 = Math.min(n - 1, ky + 1);
            for (int x = 0; x < size; x++) {
                int kx = lo[x];
                int kx1 = Math.min(n - 1, kx + 1);
                double top = falls[ky * n + kx] * (1 - t[x]) + falls[ky * n + kx1] * t[x];
                double bottom = falls[ky1 * n + kx] * (1 - t[x]) + falls[ky1 * n + kx1] * t[x];
                out[y * size + x] = (float) (top * (1 - t[y]) + bottom * t[y]);
            }
        }
        return out;
    }

    private float[] occlude(float[] input, int x0, int y0, int patch, float fill) {
        float[] copy = input.clone();
        forEachPixel(x0, y0, patch, i -> copy[i] = fill);
        return copy;
    }

    private void forEachPixel(int x0, int y0, int patch, java.util.function.IntConsumer action) {
        for (int y = y0; y < Math.min(size, y0 + patch); y++) {
            for (int x = x0; x < Math.min(size, x0 + patch); x++) {
                action.accept(y * size + x);
            }
        }
    }

    static float mean(float[] input) {
        double s = 0;
        for (float v : input) {
            s += v;
        }
        return (float) (s / input.length);
    }
}
