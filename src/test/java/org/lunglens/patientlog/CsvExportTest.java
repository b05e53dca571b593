package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    private static String row(String... cells) throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.writeRow(out, Arrays.asList(cells));
        return out.toString();
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() throws Exception {
        assertThat(row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", null))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
    }

    @Test
    void neutralisesSpreadsheetFormulasButNotNumbers() throws Exception {
        assertThat(CsvExport.spreadsheetSafe("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvExport.spreadsheetSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.spreadsheetSafe("-0.5")).isEqualTo("-0.5");
        assertThat(CsvExport.spreadsheetSafe(null)).isEmpty();
        assertThat(row("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
    }

    @Test
    void writesHeaderAndOneLinePerRow() throws Exception {
        LogRow row = new LogRow(7, "/x/a,b.png", "PNG", LocalDate.of(2020, 1, 2), false, 3L, "P-1", "=Ada",
                11L, Instant.parse("2024-05-06T07:08:09.010Z"), "covid-binary", "COVID", 0.93, true, null, null,
                null, null);
        StringWriter out = new StringWriter();

        CsvExport.writeLogRows(out, List.of(row));

        assertThat(out.toString().split("\r\n")).containsExactly(String.join(",", LogRow.CSV_HEADER),
                "7,\"/x/a,b.png\",PNG,2020-01-02,false,3,P-1,'=Ada,11,2024-05-06T07:08:09.010Z,covid-binary,"
                        + "COVID,0.93,true,,,,");
    }
}
