package org.lunglens.patientlog;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes rows as RFC 4180 CSV (commons-csv quotes what needs it). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a control character) get a leading apostrophe, so a patient name cannot become a
 * command in Excel.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** The log table's rows, with {@link LogRow#CSV_HEADER}. */
    public static void writeLogRows(Writer out, List<LogRow> rows) throws IOException {
        writeRow(out, LogRow.CSV_HEADER);
        for (LogRow row : rows) {
            writeRow(out, row.csvFields());
        }
        out.flush();
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
