package org.lunglens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.lunglens.model.Combiner;
import org.lunglens.model.InputScaling;
import org.lunglens.model.LoadedModel;
import org.lunglens.model.ModelFile;
import org.lunglens.model.ModelFileNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lunglens scale-input}: a network trained on small inputs, made to read larger ones ({@link InputScaling}),
 * so that it can be combined with networks of that size.
 */
@Command(name = "scale-input", mixinStandardHelpOptions = true,
        description = "Write a network trained on small inputs as one that reads inputs an integer factor larger and "
                + "computes what it computed on their area average (its stem averages each block), e.g. a 64 px "
                + "network for 128 px input, to combine it with 128 px networks. Its split file is copied beside it. "
                + "Its checks are dropped: refit them with 'familiarity'.")
final class ScaleInputCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (.zip) of one network")
    Path model;

    @Option(names = "--size", required = true, description = "the new input side in px (an integer multiple of the old)")
    int size;

    @Option(names = "--out", required = true, description = "model file to write (.zip); never the input")
    Path out;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        LoadedModel loaded = ModelFile.load(model);
        int old = loaded.metadata().preprocessing().size();
        if (size <= old || size % old != 0) {
            System.err.println("lunglens: --size must be an integer multiple of the model's input (" + old + " px), not "
                    + size);
            return 2;
        }
        new OutputGuard(force).protect(List.of(model)).checkModelFile("--out", out);
        String name = ModelFileNames.baseName(out);
        LoadedModel scaled = InputScaling.scaled(loaded, size / old, name,
                model.getFileName() + " (SHA-256 " + ModelFile.sha256(model) + ")");
        ModelFile.save(scaled.network(), scaled.metadata(), out, false);
        Path split = Combiner.splitFileOf(model);
        if (Files.isRegularFile(split)) {
            Files.copy(split, Combiner.splitFileOf(out), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("Written " + out + ": " + scaled.metadata().architecture());
        return 0;
    }
}
