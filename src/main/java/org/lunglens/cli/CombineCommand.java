package org.lunglens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lunglens.model.Combiner;
import org.lunglens.model.Nd4jSettings;
import org.lunglens.model.ProgressListener;
import org.lunglens.report.CombinedModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lunglens combine}: one binary model from trained networks that share a split. */
@Command(name = "combine", mixinStandardHelpOptions = true,
        description = "Combine a binary COVID model with other trained models (binary or multi-class, trained on the "
                + "same split) into one binary model that averages their COVID log-odds; evaluates it on the "
                + "split's validation and test sets and writes its card, test report and plots beside it.")
final class CombineCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the binary model whose classes the combined model keeps")
    Path primary;

    @Parameters(index = "1..*", arity = "1..*", description = "the models combined with it")
    List<Path> partners;

    @Option(names = "--data", required = true, description = "the data folder the models were trained on")
    Path data;

    @Option(names = "--out", required = true, description = "the combined model file (.zip)")
    Path out;

    @Option(names = "--force", description = "replace an existing --out file (never one of the models combined)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = new ArrayList<>(partners);
        inputs.add(primary);
        // combine a.zip b.zip --out a.zip once replaced a's network (and its card) with the combination
        new OutputGuard(force).protect(inputs).checkModelFile("--out", out);
        Nd4jSettings.forBatchInference();
        String command = "java -jar target/lunglens.jar combine " + primary + " "
                + String.join(" ", partners.stream().map(Path::toString).toList()) + " --data " + data + " --out " + out;
        Combiner.Result result = Combiner.combine(primary, partners, data, out, command, ProgressListener.NONE);
        CombinedModelCard.write(result, out);
        System.out.print(EvaluationPrinter.format(result.test()));
        System.out.printf("Combined model written to %s (validation: accuracy %.4f, log loss %.4f)%n", out,
                result.validation().metrics().accuracy(), result.validation().logLoss());
        return 0;
    }
}
