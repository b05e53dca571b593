package org.lunglens.gradcam;

import org.lunglens.imaging.Resampler;
import org.lunglens.model.Familiarity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lunglens.model.CovidOdds;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM of a combined model. Its COVID score is the mean of its networks' COVID log-odds, so the
 * score's gradient is the sum of each network's own: each network's map is taken for its log-odds
 * (weights from {@link CovidOdds#logOddsGradient}), the maps are averaged before the ReLU, then scaled
 * as usual. The other class is explained by the negated score. Maps of coarser grids are enlarged to the finest.
 * The networks run side by side, one per core ({@link NetworkLanes}): an analysis costs about one network's
 * time, not their sum.
 */
final class CombinedGradCam implements HeatmapSource {
    private final List<GradCam> cams = new ArrayList<>();
    private final List<Integer> covidIndices = new ArrayList<>();
    private final List<String> classes;
    private final String layer;
    private final NetworkLanes lanes;

    CombinedGradCam(LoadedModel model) {
        this(model, NetworkLanes.forCores(model.networks().size()));
    }

    CombinedGradCam(LoadedModel model, NetworkLanes lanes) {
        this.lanes = lanes;
        this.classes = model.metadata().classes();
        Set<String> layers = new LinkedHashSet<>();
        for (LoadedModel network : model.networks()) {
            GradCam cam = new GradCam(network);
            cams.add(cam);
            covidIndices.add(network.metadata().classes().indexOf(ModelMetadata.COVID));
            layers.add(cam.layerDescription());
        }
        this.layer = String.join(" / ", layers) + " of each of its " + cams.size() + " networks, their maps summed";
    }

    @Override
    public Pass forward(float[] input) {
        List<GradCam.Forward> passes = lanes.map(cams.size(), m -> cams.get(m).forwardAll(input));
        List<INDArray> activations = passes.stream().map(GradCam.Forward::activations).toList();
        List<float[]> probabilities = passes.stream().map(GradCam.Forward::probabilities).toList();
        float[] combined = CovidOdds.combine(probabilities, covidIndices, classes.indexOf(ModelMetadata.COVID));
        Familiarity familiarity = Familiarity.ofNetworks(passes.stream().map(GradCam.Forward::familiarity).toList());
        return new Pass(combined, familiarity, classIndex -> map(activations, probabilities, classIndex));
    }

    private Heatmap map(List<INDArray> activations, List<float[]> probabilities, int classIndex) {
        double sign = classes.get(classIndex).equals(ModelMetadata.COVID) ? 1 : -1;
        List<GradCam.RawMap> raws = lanes.map(cams.size(), m -> {
            float[] weights = CovidOdds.logOddsGradient(probabilities.get(m), covidIndices.get(m));
            for (int j = 0; j < weights.length; j++) {
                weights[j] *= (float) (sign / cams.size());
            }
            return cams.get(m).rawMap(activations.get(m), weights);
        });
        // Networks of different depth or input scale explain different grids: each map is brought to the finest
        // (bilinear), where they are summed; the sum of the gradients holds at any common grid
        int width = raws.stream().mapToInt(GradCam.RawMap::width).max().orElseThrow();
        int height = raws.stream().mapToInt(GradCam.RawMap::height).max().orElseThrow();
        float[] sum = new float[width * height];
        for (GradCam.RawMap raw : raws) {
            float[] values = raw.width() == width && raw.height() == height ? raw.values()
                    : Resampler.resize(raw.values(), raw.width(), raw.height(), width, height);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        return GradCam.heatmap(new GradCam.RawMap(width, height, sum), classIndex, classes.get(classIndex), layer);
    }


    @Override
    public String layerDescription() {
        return layer;
    }
}
