package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(CsvExport.cell("plain")).isEqualTo("plain");
        assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.cell(null)).isEmpty();
    }

    @Test
    void neutralisesSpreadsheetFormulasButNotNumbers() {
        assertThat(CsvExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvExport.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.cell("-0.5")).isEqualTo("-0.5");
    }

    @Test
    void writesHeaderAndOneLinePerRow() throws Exception {
        LogRow row = new LogRow(7, "/x/a,b.png", "PNG", LocalDate.of(2020, 1, 2), false, 3L, "P-1", "=Ada",
                11L, Instant.parse("2024-05-06T07:08:09.010Z"), "covid-binary", "COVID", 0.93, null, null, null,
                null);
        StringWriter out = new StringWriter();

        CsvExport.writeLogRows(out, List.of(row));

        assertThat(out.toString().split("\r\n")).containsExactly(String.join(",", LogRow.CSV_HEADER),
                "7,\"/x/a,b.png\",PNG,2020-01-02,false,3,P-1,'=Ada,11,2024-05-06T07:08:09.010Z,covid-binary,"
                        + "COVID,0.93,,,,");
    }
}
