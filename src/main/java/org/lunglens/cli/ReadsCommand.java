package org.lunglens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lunglens.app.ReadImport;
import org.lunglens.patientlog.LogStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lunglens reads import}: a department's reference labels into the patient log. */
@Command(name = "reads", mixinStandardHelpOptions = true, description = "Reads in the patient log.")
final class ReadsCommand {
    @ParentCommand
    LungLensCommand parent;

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Record the labels of a CSV file "
            + "(header image,finding,reader[,confidence][,note]; image = a file path, relative to the CSV, or the "
            + "SHA-256 of an image in the log) as reads made without the AI, marked imported. 'lunglens agreement' "
            + "then counts them.")
    int importLabels(@Option(names = "--db", paramLabel = "FILE", description = "the log (default: as for classify "
                             + "--log)") Path db,
                     @Parameters(paramLabel = "LABELS.csv") Path labels) throws IOException, LogStoreException {
        if (!Files.isRegularFile(labels)) {
            System.err.println("lunglens: no labels file at " + labels);
            return 2;
        }
        ReadImport.Parsed parsed;
        try (var in = Files.newBufferedReader(labels)) {
            parsed = ReadImport.parse(in);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("lunglens: " + labels + ": " + e.getMessage());
            return 2;
        }
        Path file = LungLensCommand.patientLog(db, parent);
        Path base = labels.toAbsolutePath().getParent();
        ReadImport.Result result = ReadImport.run(file, base, parsed.labels());
        parsed.problems().forEach(p -> System.err.println("lunglens: skipped " + p));
        result.problems().forEach(p -> System.err.println("lunglens: skipped " + p));
        System.out.println("imported " + result.imported() + " reads into " + file + " (" + result.registered()
                + " images newly registered)");
        return parsed.problems().isEmpty() && result.problems().isEmpty() ? 0 : 1;
    }
}
