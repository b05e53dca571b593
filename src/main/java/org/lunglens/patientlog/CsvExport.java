package org.lunglens.patientlog;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes rows as RFC 4180 CSV (commons-csv quotes what needs it). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a control character) get a leading apostrophe, so a patient name cannot become a
 * command in Excel.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** The columns of a read in {@link #writeLogRows}. */
    public static final List<String> READ_HEADER = List.of("read_id", "reader", "read_source", "read_finding",
            "read_confidence", "read_after_ai", "read_at");

    /** The header of {@link #writeLogRows}: the row's columns, then the read's. */
    public static final List<String> LOG_HEADER = Stream.concat(LogRow.CSV_HEADER.stream(), READ_HEADER.stream())
            .toList();

    /**
     * The log table's rows with every read of each image, one line per read (before and after the AI, a quiz's,
     * an import's: {@code read_source} tells them apart), oldest first; an image without reads has one line.
     *
     * @param readsOf an image's reads by its id
     */
    public static void writeLogRows(Writer out, List<LogRow> rows, Map<Long, List<ReadRecord>> readsOf)
            throws IOException {
        writeRow(out, LOG_HEADER);
        List<String> noRead = READ_HEADER.stream().map(c -> "").toList();
        for (LogRow row : rows) {
            List<ReadRecord> reads = readsOf.getOrDefault(row.imageId(), List.of());
            if (reads.isEmpty()) {
                writeRow(out, concat(row.csvFields(), noRead));
            }
            for (ReadRecord r : reads) {
                writeRow(out, concat(row.csvFields(), LogRow.cells(r.id(), r.reader(), r.source().stored(),
                        r.finding(), r.confidence(), r.afterAi(), r.createdAt())));
            }
        }
        out.flush();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** One row, each cell made {@linkplain #spreadsheetSafe safe}, ended by CRLF. */
    public static void writeRow(Writer out, List<String> cells) throws IOException {
        CSVFormat.RFC4180.printRecord(out, cells.stream().map(CsvExport::spreadsheetSafe).toArray());
    }

    /** The text with a formula-looking start neutralised by an apostrophe; null becomes empty. */
    public static String spreadsheetSafe(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            return "'" + text;
        }
        return text;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
