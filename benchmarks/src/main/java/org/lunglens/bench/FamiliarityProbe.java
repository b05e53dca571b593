package org.lunglens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lunglens.model.BatchNormFolding;
import org.lunglens.model.Classifier;
import org.lunglens.model.DataFolder;
import org.lunglens.model.FamiliarityFit;
import org.lunglens.model.FamiliarityFitter;
import org.lunglens.model.FeatureTap;
import org.lunglens.model.GaussianScore;
import org.lunglens.model.InputCache;
import org.lunglens.model.LabelledImage;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.model.Split;

/**
 * Which layers should the familiarity check read? Fits a class-conditional Gaussian at every candidate tap (first
 * ReLU with channel spreads, each max pool, the global pool) of a model as 'lunglens familiarity' would, and writes
 * each film's per-tap score for the split's validation and test films and for other folders to a CSV that
 * {@code benchmarks/python/familiarity_taps.py} turns into flag rates and AUROCs per tap and per combination.
 *
 * <p>Usage: {@code FamiliarityProbe MODEL.zip DATA SPLIT.csv OUT.csv [DIR...]}
 */
public final class FamiliarityProbe {
    private FamiliarityProbe() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jSettings.forBatchInference();
        LoadedModel model = ModelFile.load(Path.of(args[0]));
        Path data = Path.of(args[1]);
        Path split = Path.of(args[2]);
        int size = model.metadata().preprocessing().size();
        MultiLayerNetwork net = BatchNormFolding.fold(model.network());
        List<FeatureTap> taps = candidates(net);
        // The sample 'lunglens familiarity' draws
        List<LabelledImage> train = FamiliarityFit.trainingSample(Split.readSet(split, data, Split.TRAIN), model.metadata());
        InputCache trainCache = new InputCache(train, model.preprocessor(), ProgressListener.NONE);
        List<LabelledImage> readable = trainCache.readable(train);
        int[] classes = readable.stream().mapToInt(i -> model.metadata().classIndexOfFolder(i.folder())).toArray();
        List<List<float[]>> trainFeatures = FamiliarityFitter.features(net, taps,
                readable.stream().map(i -> trainCache.get(i.file())).toList(), size);
        List<GaussianScore> scores = new java.util.ArrayList<>();
        for (List<float[]> f : trainFeatures) {
            scores.add(FamiliarityFitter.gaussian(f, classes, model.metadata().classes().size()));
        }
        Map<String, List<LabelledImage>> sets = new LinkedHashMap<>();
        sets.put("val", Split.readSet(split, data, Split.VALIDATION));
        sets.put("test", Split.readSet(split, data, Split.TEST));
        for (int i = 4; i < args.length; i++) {
            sets.put(Path.of(args[i]).getFileName().toString(), DataFolder.scan(Path.of(args[i])).images());
        }
        StringBuilder csv = new StringBuilder("set,folder,pcovid");
        for (int t = 0; t < taps.size(); t++) {
            csv.append(",t").append(t);
        }
        csv.append('\n');
        Classifier classifier = new Classifier(model);
        int covid = model.metadata().classes().indexOf(ModelMetadata.COVID);
        for (Map.Entry<String, List<LabelledImage>> set : sets.entrySet()) {
            InputCache cache = new InputCache(set.getValue(), model.preprocessor(), ProgressListener.NONE);
            List<LabelledImage> images = cache.readable(set.getValue());
            List<float[]> inputs = images.stream().map(i -> cache.get(i.file())).toList();
            List<List<float[]>> features = FamiliarityFitter.features(net, taps, inputs, size);
            for (int i = 0; i < images.size(); i++) {
                float p = classifier.predictInputs(List.of(inputs.get(i)))[0][covid]; // one at a time: memory, not speed
                csv.append(set.getKey()).append(',').append(images.get(i).folder()).append(',').append(p);
                for (int t = 0; t < taps.size(); t++) {
                    csv.append(',').append(scores.get(t).score(features.get(t).get(i)));
                }
                csv.append('\n');
            }
        }
        Files.writeString(Path.of(args[3]), csv);
    }

    /** The first ReLU (with channel spreads), every max pool and the global pool. */
    private static List<FeatureTap> candidates(MultiLayerNetwork net) {
        List<FeatureTap> taps = new java.util.ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            var layer = net.getLayerWiseConfigurations().getConf(i).getLayer();
            if (layer instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer && taps.isEmpty()) {
                taps.add(new FeatureTap(i, true));
            } else if (layer instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer
                    || layer instanceof org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) {
                taps.add(new FeatureTap(i, false));
            }
        }
        return taps;
    }
}
