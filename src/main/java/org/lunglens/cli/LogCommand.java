package org.lunglens.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lunglens.patientlog.LogIntegrity;
import org.lunglens.patientlog.LogRecovery;
import org.lunglens.patientlog.LogStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lunglens log check} and {@code log repair}: the way out when the app refuses a damaged patient log. Neither
 * writes to the log itself; repair writes a recovered copy beside it.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Check the patient log, or write a recovered "
        + "copy of a damaged one beside it (the log itself is never changed).")
final class LogCommand {
    @ParentCommand
    LungLensCommand parent;

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Run SQLite's full integrity check on "
            + "the log; prints ok (exit code 0) or the problems found (exit code 1).")
    int check(@Option(names = "--db", paramLabel = "FILE", description = "the log (default: as for classify --log)")
              Path db) throws LogStoreException {
        Path file = resolve(db);
        List<String> problems = LogIntegrity.check(file);
        if (problems.isEmpty()) {
            System.out.println("ok: " + file);
            return 0;
        }
        System.out.println("damaged: " + file);
        problems.forEach(p -> System.out.println("  " + p));
        System.out.println("LungLens will not write to it. 'lunglens log repair --db " + file
                + "' writes a recovered copy beside it.");
        return 1;
    }

    @Command(name = "repair", mixinStandardHelpOptions = true, description = "Write a recovered copy of the log "
            + "beside it (FILE.recovered-YYYYMMDD-HHMMSS.db): every readable row, table by table, indexes rebuilt, "
            + "rows that break a UNIQUE rule dropped. The log itself is not changed.")
    int repair(@Option(names = "--db", paramLabel = "FILE", description = "the log (default: as for classify --log)")
               Path db) throws LogStoreException {
        LogRecovery.Result result = LogRecovery.recover(resolve(db), Clock.systemDefaultZone());
        for (Map.Entry<String, Integer> table : result.copied().entrySet()) {
            int dropped = result.dropped().getOrDefault(table.getKey(), 0);
            System.out.println("  " + table.getKey() + ": " + table.getValue() + " rows"
                    + (dropped > 0 ? ", " + dropped + " dropped (duplicates or broken rules)" : ""));
        }
        result.notes().forEach(n -> System.out.println("  " + n));
        List<String> problems = LogIntegrity.check(result.copy());
        if (!problems.isEmpty()) {
            System.out.println("The copy " + result.copy() + " still has problems: " + problems.get(0));
            return 1;
        }
        System.out.println("recovered copy: " + result.copy() + " (integrity check ok). Check it in the app "
                + "(lunglens --db FILE), then use it in place of the damaged log.");
        return 0;
    }

    private Path resolve(Path db) {
        return LungLensCommand.patientLog(db, parent);
    }
}
