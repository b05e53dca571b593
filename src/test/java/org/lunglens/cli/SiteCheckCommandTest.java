package org.lunglens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.lunglens.patientlog.LogQuery;
import org.lunglens.patientlog.LogRow;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.testutil.ConsoleCapture;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/**
 * {@code lunglens sitecheck DIR}: a department's folder of films, with and without class sub-folders; and
 * {@code classify}, which judges its films together the same way and says so on every row.
 */
class SiteCheckCommandTest {
    @TempDir
    static Path tmp;
    private static Path model;
    private static Path data;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 12, TinyModels.CLASSES);
        model = TinyModels.trainWithBatchNorm(data, "binary", tmp.resolve("models/tiny.zip"), 2);
    }

    @Test
    void reportsFilmsFlagsCallsAndWithClassFoldersTheFigures() throws Exception {
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png", data.resolve("blank.png").toFile());
        Path json = tmp.resolve("site.json");
        Path plots = tmp.resolve("plots");

        int code = LungLensCommand.run("sitecheck", data.toString(), "--model", model.toString(), "--json",
                json.toString(), "--plots", plots.toString());

        assertThat(code).as(console.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("n").asInt()).isEqualTo(37);
        assertThat(r.get("calls").get("COVID").asInt() + r.get("calls").get("non-COVID").asInt()).isEqualTo(37);
        assertThat(r.get("unfamiliarFraction").asDouble()).isBetween(1 / 37.0, 1.0); // the blank film at least
        assertThat(r.get("leastFamiliar").get(0).get("path").asText()).endsWith("blank.png");
        // The blank film at the top has no label; the 36 in class folders are evaluated
        assertThat(r.get("evaluation").get("n").asInt()).isEqualTo(36);
        assertThat(plots.resolve("tiny-sitecheck-pcovid.png")).isNotEmptyFile();
        assertThat(console.out()).contains("flagged unfamiliar").contains("least familiar films").contains("site shift: ");
        // Films of the training folders, enough of them to judge: the group is like the training films
        // A film flagged one at a time (the blank one at least) stays out of the group
        long flagged = Math.round(r.get("unfamiliarFraction").asDouble() * 37);
        assertThat(r.get("siteShift").get("films").asInt()).isEqualTo(37 - flagged);
        assertThat(r.get("siteShift").get("judged").asBoolean()).isTrue();
        assertThat(r.get("siteShift").get("nearestMixture").size()).isEqualTo(TinyModels.CLASSES.size());
    }

    @Test
    void aFolderWithoutClassFoldersIsCheckedWithoutFigures() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site-flat"));
        try (var files = Files.list(SharedData.root().resolve("tuberculosis-128/Tuberculosis"))) {
            for (Path f : files.sorted().limit(5).toList()) {
                Files.copy(f, site.resolve(f.getFileName()));
            }
        }
        Path json = tmp.resolve("flat.json");

        int code = LungLensCommand.run("sitecheck", site.toString(), "--model", model.toString(), "--json", json.toString());

        assertThat(code).as(console.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("n").asInt()).isEqualTo(5);
        assertThat(r.has("evaluation")).isFalse();
        // Five films say too little about a site
        assertThat(r.get("siteShift").get("judged").asBoolean()).isFalse();
        assertThat(console.out()).containsPattern("site shift: not judged \\([45] films not flagged one at a time; it "
                + "takes at least 30\\)");
    }

    @Test
    void classifyMarksEveryFilmOfAShiftedRunUnfamiliarAndSaysWhy() throws Exception {
        List<Path> films;
        try (var walk = Files.walk(data)) {
            films = walk.filter(f -> f.toString().endsWith(".png") && !f.endsWith("blank.png")).sorted().toList();
        }
        Path washedOut = SharedData.washedOutCopies(data, Files.createDirectories(tmp.resolve("washed-out")));
        assertThat(films).hasSizeGreaterThanOrEqualTo(30);

        List<CSVRecord> same = classify(data, "same.csv");
        Path db = tmp.resolve("site.db");
        List<CSVRecord> shifted = classify(washedOut, "washed-out.csv", "--log", "--db", db.toString());
        List<CSVRecord> alone = classify(washedOut, "alone.csv", "--no-site-shift");

        assertThat(same).isNotEmpty().allSatisfy(r -> assertThat(r.get("site_shift")).isEqualTo("no"));
        assertThat(same).anySatisfy(r -> assertThat(r.get("unfamiliar")).isEqualTo("no"));
        assertThat(shifted).as(console.err()).hasSize(films.size()).allSatisfy(r -> {
            assertThat(r.get("site_shift")).isEqualTo("yes");
            assertThat(r.get("unfamiliar")).isEqualTo("yes");
        });
        assertThat(console.err()).contains("site shift: YES").contains("each of its films is marked unfamiliar");
        // The patient log never vouches for a reading the CSV calls unreliable
        try (PatientLog log = PatientLog.open(db)) {
            List<LogRow> rows = log.search(LogQuery.all());
            assertThat(rows).hasSize(films.size()).allSatisfy(r -> assertThat(r.unfamiliar()).isTrue());
        }
        // Without the run's verdict each row is the film's own check, as for a run too small to judge
        assertThat(alone).filteredOn(r -> r.get("unfamiliar").equals("no")).hasSizeGreaterThan(films.size() / 2);
        assertThat(alone).hasSize(films.size()).allSatisfy(r -> {
            assertThat(r.get("site_shift")).isEmpty();
            assertThat(r.get("unfamiliar")).isEqualTo(Double.parseDouble(r.get("unfamiliarity")) > 1 ? "yes" : "no");
        });
        // The probabilities never depend on the other films
        assertThat(alone).extracting(r -> r.get("COVID")).isEqualTo(shifted.stream().map(r -> r.get("COVID")).toList());

        // Two sites in one run: each folder is judged alone, so the familiar one keeps its own verdict
        List<CSVRecord> mixed = classify(washedOut, "two-sites.csv", data.resolve("COVID").toString(),
                data.resolve("Normal").toString(), data.resolve("Viral_Pneumonia").toString());
        assertThat(mixed).filteredOn(r -> r.get("path").contains("washed-out"))
                .hasSize(films.size()).allSatisfy(r -> assertThat(r.get("site_shift")).isEqualTo("yes"));
        assertThat(mixed).filteredOn(r -> !r.get("path").contains("washed-out")).hasSize(films.size())
                .allSatisfy(r -> assertThat(r.get("site_shift")).isEqualTo("no"));
        assertThat(console.err()).contains("3 smaller folders together: site shift: none seen");
        assertThat(console.err()).doesNotContain("not judged as a site");

        // A folder too small to judge: the run says its rows rest on each film's own check
        Path few = Files.createDirectories(tmp.resolve("few"));
        for (Path f : films.subList(0, 5)) {
            Files.copy(f, few.resolve(f.getFileName()));
        }
        assertThat(classify(few, "few.csv")).hasSize(5).allSatisfy(r -> assertThat(r.get("site_shift")).isEmpty());
        assertThat(console.err()).contains("5 film(s) not judged as a site");
    }

    private List<CSVRecord> classify(Path dir, String csvName, String... more) throws Exception {
        Path csv = tmp.resolve(csvName);
        List<String> args = new java.util.ArrayList<>(List.of("classify", "--model", model.toString(), "--csv",
                csv.toString()));
        args.addAll(List.of(more));
        args.add(dir.toString());
        int code = LungLensCommand.run(args.toArray(String[]::new));
        assertThat(code).as(console.err()).isZero();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(csv))) {
            return parser.getRecords();
        }
    }
}
