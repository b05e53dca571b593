package org.lunglens.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A data folder with one sub-folder per class (the layout of covid19-radiography-128). Its optional
 * {@code index.csv} ({@code label,path,sha256,duplicate_group}) supplies near-duplicate groups; an image
 * without a group forms a group of its own.
 *
 * @param root    the folder
 * @param classes class folder names, sorted
 * @param images  every file in the class folders, sorted by path
 */
public record DataFolder(Path root, List<String> classes, List<LabelledImage> images) {

    public static DataFolder scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a directory (expected one sub-folder per class)");
        }
        List<String> classes;
        try (Stream<Path> dirs = Files.list(root)) {
            classes = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
        if (classes.isEmpty()) {
            throw new IOException(root + ": has no class sub-folders");
        }
        Map<String, String> groups = readGroups(root);
        List<LabelledImage> images = new ArrayList<>();
        for (String cls : classes) {
            try (Stream<Path> files = Files.list(root.resolve(cls))) {
                files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().forEach(p -> {
                            String rel = root.relativize(p).toString().replace('\\', '/');
                            images.add(new LabelledImage(p, cls, groups.getOrDefault(rel, "file:" + rel)));
                        });
            }
        }
        return new DataFolder(root, classes, List.copyOf(images));
    }

    /** Number of images in each class folder. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        images.forEach(i -> counts.merge(i.folder(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, String> readGroups(Path root) {
        Path index = root.resolve("index.csv");
        Map<String, String> groups = new HashMap<>();
        if (!Files.isRegularFile(index)) {
            return groups;
        }
        try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(index))) {
            List<CSVRecord> rows = parser.getRecords();
            List<String> header = rows.get(0).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            int pathCol = header.indexOf("path");
            int groupCol = header.indexOf("duplicate_group");
            if (pathCol < 0 || groupCol < 0) {
                return groups;
            }
            for (CSVRecord row : rows.subList(1, rows.size())) {
                if (row.size() > Math.max(pathCol, groupCol) && !row.get(groupCol).isBlank()) {
                    groups.put(row.get(pathCol), "dup:" + row.get(groupCol));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(index + ": cannot be read", e);
        }
        return groups;
    }
}
