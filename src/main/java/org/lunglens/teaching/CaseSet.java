package org.lunglens.teaching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lunglens.model.DataFolder;
import org.lunglens.model.LabelledImage;

/**
 * Films with known labels for a lesson.
 *
 * @param name    shown in the quiz and written to the log and the score CSV (the folder's name)
 * @param classes labels, sorted
 * @param cases   every labelled film (its {@code folder} is its label), in a stable order
 */
public record CaseSet(String name, List<String> classes, List<LabelledImage> cases) {
    public CaseSet {
        classes = List.copyOf(classes);
        cases = List.copyOf(cases);
    }

    /** A folder whose sub-folders are the labels (the layout of covid19-radiography-128). */
    public static CaseSet fromFolder(Path folder) throws IOException {
        DataFolder data = DataFolder.scan(folder);
        if (data.images().isEmpty()) {
            throw new IOException(folder + ": the class folders hold no files");
        }
        return new CaseSet(folder.getFileName().toString(), data.classes(), data.images());
    }

    /**
     * A folder plus a CSV of {@code path,label} (a header row naming {@code path} and {@code label} is optional;
     * relative paths are resolved against {@code folder}). Rows whose file is missing are refused, not skipped:
     * a lesson should not silently lose cases.
     */
    public static CaseSet fromCsv(Path folder, Path csv) throws IOException {
        List<CSVRecord> records;
        // Empty lines kept as records, so that a record's number is its line in the file
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                .parse(Files.newBufferedReader(csv))) {
            records = parser.getRecords();
        }
        int pathCol = 0;
        int labelCol = 1;
        int first = 0;
        if (!records.isEmpty()) {
            List<String> header = records.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            if (header.contains("path") && header.contains("label")) {
                pathCol = header.indexOf("path");
                labelCol = header.indexOf("label");
                first = 1;
            }
        }
        List<LabelledImage> cases = new ArrayList<>();
        for (CSVRecord row : records.subList(first, records.size())) {
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.size() <= Math.max(pathCol, labelCol) || row.get(labelCol).isBlank()) {
                throw new IOException(csv + " line " + row.getRecordNumber() + ": expected path,label");
            }
            Path file = folder.resolve(row.get(pathCol).strip());
            if (!Files.isRegularFile(file)) {
                throw new IOException(csv + " line " + row.getRecordNumber() + ": " + file + " not found");
            }
            cases.add(new LabelledImage(file, row.get(labelCol).strip(), "file:" + file));
        }
        if (cases.isEmpty()) {
            throw new IOException(csv + ": no cases");
        }
        List<String> classes = cases.stream().map(LabelledImage::folder).distinct().sorted().toList();
        return new CaseSet(csv.getFileName().toString().replaceFirst("\\.csv$", ""), classes, cases);
    }

    /** Films per label, in {@link #classes()} order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, 0));
        cases.forEach(c -> counts.merge(c.folder(), 1, Integer::sum));
        return counts;
    }

    /** The films of one label, in the set's order. */
    public List<LabelledImage> ofClass(String label) {
        return cases.stream().filter(c -> c.folder().equals(label)).toList();
    }

    /**
     * {@code n} films (all of them when the set is smaller), as evenly spread over the labels as the set allows,
     * in shuffled order. The same seed gives the same cases in the same order, so a lesson can be repeated.
     */
    public List<LabelledImage> sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("A quiz needs at least one case, not " + n);
        }
        Random random = new Random(seed);
        Map<String, List<LabelledImage>> pools = new LinkedHashMap<>();
        for (String c : classes) {
            List<LabelledImage> pool = new ArrayList<>(ofClass(c));
            Collections.shuffle(pool, random);
            pools.put(c, pool);
        }
        List<String> order = new ArrayList<>(classes);
        Collections.shuffle(order, random);
        List<LabelledImage> picked = new ArrayList<>();
        // Round robin over the labels (in a seeded order) gives counts that differ by at most one.
        for (int round = 0; picked.size() < n; round++) {
            boolean any = false;
            for (String c : order) {
                List<LabelledImage> pool = pools.get(c);
                if (round < pool.size() && picked.size() < n) {
                    picked.add(pool.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        Collections.shuffle(picked, random);
        return List.copyOf(picked);
    }
}
