package org.lunglens.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network with its metadata. A combined model (see {@link CovidOdds}) also carries partner networks,
 * each with its own metadata; its reading is theirs and this network's together. DL4J networks are not
 * thread-safe: use one from one thread at a time.
 */
public record LoadedModel(Path file, MultiLayerNetwork network, ModelMetadata metadata, List<LoadedModel> partners) {
    public LoadedModel {
        partners = List.copyOf(partners);
    }

    public LoadedModel(Path file, MultiLayerNetwork network, ModelMetadata metadata) {
        this(file, network, metadata, List.of());
    }

    public Preprocessor preprocessor() {
        return new Preprocessor(metadata.preprocessing());
    }

    public boolean isCombined() {
        return !partners.isEmpty();
    }

    /** This network alone, then every partner: the networks whose COVID log-odds a combined model averages. */
    public List<LoadedModel> networks() {
        List<LoadedModel> all = new ArrayList<>();
        all.add(new LoadedModel(file, network, metadata));
        all.addAll(partners);
        return all;
    }

    /** The same model with batch norm folded into the convolutions of every network, for inference. */
    public LoadedModel folded() {
        List<LoadedModel> foldedPartners = partners.stream().map(LoadedModel::folded).toList();
        return new LoadedModel(file, BatchNormFolding.fold(network), metadata, foldedPartners);
    }
}
