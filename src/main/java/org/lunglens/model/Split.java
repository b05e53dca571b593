package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A train/validation/test partition of a data folder's images. */
public record Split(List<LabelledImage> train, List<LabelledImage> validation, List<LabelledImage> test) {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    /** Writes {@code set,class,path} lines (paths relative to the data folder), so a split can be reproduced. */
    public void write(Path file, Path dataRoot) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("set,class,path");
        Map<String, List<LabelledImage>> sets = sets();
        sets.forEach((name, images) -> images.forEach(i -> lines.add(CSVFormat.DEFAULT.format(name, i.folder(),
                dataRoot.relativize(i.file()).toString().replace('\\', '/')))));
        Files.write(file, lines);
    }

    /**
     * Reads one set ("test", say) of a split file, resolving paths against a data folder. A film the split names
     * but the folder lacks is an error, not a film to skip: figures on the rest would pass for the split's.
     */
    public static List<LabelledImage> readSet(Path file, Path dataRoot, String set) throws IOException {
        List<LabelledImage> images = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(file))) {
            for (CSVRecord row : parser) {
                boolean header = row.getRecordNumber() == 1;
                if (!header && row.size() >= 3 && row.get(0).equals(set)) {
                    String path = pathOf(row);
                    images.add(new LabelledImage(dataRoot.resolve(path), row.get(1), "file:" + path));
                }
            }
        }
        List<LabelledImage> missing = images.stream().filter(i -> !Files.exists(i.file())).toList();
        if (!missing.isEmpty()) {
            throw new IOException(String.format("%d of the %d %s films of the split %s are not under %s (first: %s);"
                    + " figures without them would not be the split's", missing.size(), images.size(), set,
                    file.getFileName(), dataRoot, dataRoot.relativize(missing.get(0).file())));
        }
        return images;
    }

    /** The third column; files written before paths were quoted kept a path's commas unquoted, as more columns. */
    private static String pathOf(CSVRecord row) {
        return String.join(",", row.toList().subList(2, row.size()));
    }

    /** This split and another's sets, joined set by set (the other's images after this one's). */
    public Split plus(Split other) {
        return new Split(join(train, other.train), join(validation, other.validation), join(test, other.test));
    }

    private static List<LabelledImage> join(List<LabelledImage> a, List<LabelledImage> b) {
        List<LabelledImage> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public Map<String, List<LabelledImage>> sets() {
        Map<String, List<LabelledImage>> sets = new LinkedHashMap<>();
        sets.put(TRAIN, train);
        sets.put(VALIDATION, validation);
        sets.put(TEST, test);
        return sets;
    }

    /** Images per class in one list. */
    public static Map<String, Integer> countByClass(List<LabelledImage> images) {
        Map<String, Integer> counts = new HashMap<>();
        images.forEach(i -> counts.merge(i.folder(), 1, Integer::sum));
        return counts;
    }
}
