package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    void writesHeaderAndOneLinePerReadOfEachImage() throws Exception {
        LogRow read = new LogRow(7, "/x/a,b.png", "PNG", LocalDate.of(2020, 1, 2), false, 3L, "P-1", "=Ada",
                11L, Instant.parse("2024-05-06T07:08:09.010Z"), "covid-binary", "COVID", 0.93, true, "COVID", 0.8,
                true, Instant.parse("2024-05-06T08:00:00Z"));
        LogRow unread = new LogRow(8, "/x/b.png", "PNG", null, false, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        Instant t1 = Instant.parse("2024-05-06T07:00:00Z");
        Instant t2 = Instant.parse("2024-05-06T08:00:00Z");
        List<ReadRecord> reads = List.of(
                new ReadRecord(21, 7, "Normal", 0.6, false, "", "ann", false, t1, t1, ReadRecord.Source.READER),
                new ReadRecord(22, 7, "COVID", 0.8, true, "", "ann", false, t2, t2, ReadRecord.Source.READER));
        StringWriter out = new StringWriter();

        CsvExport.writeLogRows(out, List.of(read, unread), Map.of(7L, reads));

        String image7 = "7,\"/x/a,b.png\",PNG,2020-01-02,false,3,P-1,'=Ada,11,2024-05-06T07:08:09.010Z,covid-binary,"
                + "COVID,0.93,true,";
        assertThat(out.toString().split("\r\n")).containsExactly(String.join(",", CsvExport.LOG_HEADER),
                image7 + "21,ann,reader,Normal,0.6,false,2024-05-06T07:00:00Z",
                image7 + "22,ann,reader,COVID,0.8,true,2024-05-06T08:00:00Z",
                "8,/x/b.png,PNG,,false,,,,,,,,,,,,,,,,");
    }
}
