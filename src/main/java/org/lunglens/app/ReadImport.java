package org.lunglens.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.ImageRecord;
import org.lunglens.patientlog.LogOptions;
import org.lunglens.patientlog.LogStoreException;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;

/**
 * A department's reference labels (from its reports) into the patient log as reads: one read per row, made
 * without the AI, marked as imported and recorded under the reader the row names. The film is the image with that
 * SHA-256 in the log, or the file at that path (registered by its bytes, so it is the image the AI analysed).
 * A row that cannot be used is reported and skipped; the others are imported.
 */
public final class ReadImport {
    /** The columns a labels file must have; {@code confidence} (0..1, default 1) and {@code note} may follow. */
    public static final List<String> COLUMNS = List.of("image", "finding", "reader");

    /** One usable row. */
    public record Label(long line, String image, String finding, String reader, double confidence, String note) {
    }

    /** What a file gave: its usable rows and why the others were refused. */
    public record Parsed(List<Label> labels, List<String> problems) {
    }

    /** What an import did. */
    public record Result(int imported, int registered, List<String> problems) {
    }

    private ReadImport() {
    }

    /** Reads a labels file with a header line naming at least {@link #COLUMNS}. */
    public static Parsed parse(Reader in) throws IOException {
        List<Label> labels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new IOException("the labels file has no column " + String.join(", ", missing)
                        + " (its first line must name: image,finding,reader[,confidence][,note])");
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                String image = row.get("image");
                String finding = row.get("finding");
                String reader = row.get("reader");
                if (image.isEmpty() || finding.isEmpty() || reader.isEmpty()) {
                    problems.add("line " + line + ": image, finding and reader are all needed");
                    continue;
                }
                double confidence = 1;
                if (row.isMapped("confidence") && !row.get("confidence").isEmpty()) {
                    try {
                        confidence = Double.parseDouble(row.get("confidence"));
                    } catch (NumberFormatException e) {
                        confidence = Double.NaN;
                    }
                    if (!(confidence >= 0 && confidence <= 1)) {
                        problems.add("line " + line + ": confidence must be a number from 0 to 1");
                        continue;
                    }
                }
                String note = row.isMapped("note") ? row.get("note") : "";
                labels.add(new Label(line, image, finding, reader, confidence, note));
            }
        }
        return new Parsed(labels, problems);
    }

    /**
     * Imports {@code labels} into the log at {@code db}; relative image paths are taken from {@code base} (the
     * labels file's folder).
     */
    public static Result run(Path db, Path base, List<Label> labels) throws LogStoreException {
        Map<String, List<Label>> byReader = new LinkedHashMap<>();
        labels.forEach(l -> byReader.computeIfAbsent(l.reader(), r -> new ArrayList<>()).add(l));
        int imported = 0;
        int registered = 0;
        List<String> problems = new ArrayList<>();
        AnalysisRecorder recorder = new AnalysisRecorder();
        // The log records the reader of a read as the user it was opened for: one opening per reader
        for (Map.Entry<String, List<Label>> e : byReader.entrySet()) {
            try (PatientLog log = PatientLog.open(db, LogOptions.defaults().withUser(e.getKey()))) {
                for (Label l : e.getValue()) {
                    Optional<ImageRecord> image = log.images().findBySha256(l.image().toLowerCase(Locale.ROOT));
                    if (image.isEmpty()) {
                        Path file = base.resolve(l.image());
                        if (!Files.isRegularFile(file)) {
                            problems.add("line " + l.line() + ": " + l.image()
                                    + " is neither a file nor the SHA-256 of an image in the log");
                            continue;
                        }
                        try {
                            image = log.images().findBySha256(FileFingerprint.of(file).sha256());
                            if (image.isEmpty()) {
                                // New to the log: decoded first, so a label never registers a file that is no film
                                LoadedImage loaded = new ImageLoader().load(file);
                                image = Optional.of(recorder.register(log, AnalysedFilm.of(loaded)));
                                registered++;
                            }
                        } catch (ImageLoadException | IOException ex) {
                            problems.add("line " + l.line() + ": " + ex.getMessage());
                            continue;
                        }
                    }
                    log.reads().add(ReadRecord.draft(image.get().id(), l.finding(), l.confidence(), false, l.note())
                            .from(ReadRecord.Source.IMPORT));
                    imported++;
                }
            }
        }
        return new Result(imported, registered, problems);
    }
}
