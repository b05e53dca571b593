package org.lunglens.patientlog;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with = + - @ or a
 * control character) get a leading apostrophe, so a patient name cannot become a command in Excel.
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

    public static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One CSV cell, quoted as needed, with a formula-looking start neutralised by an apostrophe. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
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
