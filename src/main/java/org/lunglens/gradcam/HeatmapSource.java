package org.lunglens.gradcam;

import org.lunglens.model.Familiarity;
import java.util.function.IntFunction;

/** Something that explains a model's class for one preprocessed input: Grad-CAM of one network or of a combined model. */
public interface HeatmapSource {
    /**
     * One image's forward pass to the explained layer, kept so that it serves both the prediction and the
     * map: running the network once for each cost twice the time. {@code map} gives the heatmap of a class;
     * {@code familiarity} is the model's familiarity check from the same pass (null when it has none).
     */
    record Pass(float[] probabilities, Familiarity familiarity, IntFunction<Heatmap> map) {
        public Heatmap explain(int classIndex) {
            return map.apply(classIndex);
        }
    }

    Pass forward(float[] input);

    default Heatmap compute(float[] input, int classIndex) {
        return forward(input).explain(classIndex);
    }

    /** Which layer is explained, for the UI. */
    String layerDescription();
}
