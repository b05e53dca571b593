package org.lunglens.model;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A network with its metadata. DL4J networks are not thread-safe: use one from one thread at a time. */
public record LoadedModel(Path file, MultiLayerNetwork network, ModelMetadata metadata) {
    public Preprocessor preprocessor() {
        return new Preprocessor(metadata.preprocessing());
    }
}
