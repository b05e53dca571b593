package org.lunglens.imaging;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every regular file under a folder that passes a filter, in natural order. Links are followed (a department's
 * export folder often links its studies in from elsewhere; a plain walk skipped them without a word), a link loop
 * is walked once, and a sub-folder that cannot be read is left out rather than ending the walk.
 */
public final class FolderWalk {
    private FolderWalk() {
    }

    public static List<Path> files(Path folder, Predicate<Path> keep) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && keep.test(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(folder)) {
                            throw e; // the folder asked for: its failure is the caller's to report
                        }
                        return FileVisitResult.CONTINUE; // a loop, a dangling link, an unreadable sub-folder
                    }
                });
        found.sort(NaturalOrder.PATHS);
        return found;
    }
}
