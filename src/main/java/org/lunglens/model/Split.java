package org.lunglens.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        sets.forEach((name, images) -> images.forEach(i -> lines.add(name + "," + i.folder() + ","
                + dataRoot.relativize(i.file()).toString().replace('\\', '/'))));
        Files.write(file, lines);
    }

    /** Reads one set ("test", say) of a split file, resolving paths against a data folder. */
    public static List<LabelledImage> readSet(Path file, Path dataRoot, String set) throws IOException {
        List<LabelledImage> images = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cols = line.split(",", 3);
            if (cols.length == 3 && cols[0].equals(set)) {
                images.add(new LabelledImage(dataRoot.resolve(cols[2]), cols[1], "file:" + cols[2]));
            }
        }
        return images;
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
