package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/**
 * {@code classify --csv}: the fixed columns, then whether the model's check flags each film, its score and the run's
 * site verdict.
 */
class ClassifyCsvTest {
    @TempDir
    static Path tmp;
    private static Path model;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Path data = SharedData.miniDataset(tmp.resolve("data"), 14, TinyModels.CLASSES);
        model = TinyModels.train(data, "binary", tmp.resolve("models/tiny.zip"), 2);
    }

    @Test
    void csvHasTheClassColumnsThenUnfamiliarAndItsScore() throws Exception {
        Path blank = tmp.resolve("blank.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
        Path csv = tmp.resolve("out.csv");

        int code = LungLensCommand.run("classify", "--model", model.toString(), "--csv", csv.toString(),
                SharedData.samples().resolve("COVID-1.png").toString(), blank.toString());

        assertThat(code).as(console.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("path,predicted,COVID,non-COVID,unfamiliar,unfamiliarity,site_shift");
        assertThat(lines).hasSize(3);
        for (String line : lines.subList(1, 3)) {
            String[] cols = line.split(",", -1);
            assertThat(cols).hasSize(7);
            assertThat(cols[6]).as("two films are too few to judge as a site").isEmpty();
            assertThat(cols[4]).isIn("yes", "no");
            assertThat(Double.parseDouble(cols[5]) > 1).isEqualTo(cols[4].equals("yes"));
        }
        assertThat(lines.get(2)).startsWith(blank.toString()).contains(",yes,");
    }

    @Test
    void aPathWithACommaAQuoteAndANewlineIsQuotedAndReadsBackWhole() throws Exception {
        Path odd = tmp.resolve("odd, \"name\"\nfilm.png");
        Files.copy(SharedData.samples().resolve("COVID-1.png"), odd);
        Path csv = tmp.resolve("odd.csv");

        int code = LungLensCommand.run("classify", "--model", model.toString(), "--csv", csv.toString(),
                odd.toString());

        assertThat(code).as(console.err()).isZero();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv))) {
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(odd.toString());
        assertThat(rows.get(1).size()).isEqualTo(rows.get(0).size());
        assertThat(Files.readString(csv)).contains("\"" + odd.toString().replace("\"", "\"\"") + "\",COVID,");
    }
}
