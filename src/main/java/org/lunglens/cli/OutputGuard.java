package org.lunglens.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.lunglens.model.ModelFileNames;

/**
 * Decides, before anything is written, whether an output option may write where it points. A forgotten output
 * name ({@code classify --csv *.png}) or a slip ({@code --csv L.db} beside {@code --db L.db}) once turned an X-ray
 * or the patient log into a few bytes of CSV: inputs, the log (with its -wal, -shm and -journal files) and the model
 * are never replaced, even with {@code --force}, and neither is any file whose content is an image or a SQLite
 * database (an X-ray or another log named by mistake); any other existing file only with {@code --force}, unless
 * it is a file of the kind the command writes itself.
 */
final class OutputGuard {
    private static final String[] SQLITE_SIDE_FILES = {"", "-wal", "-shm", "-journal"};

    private final Set<Path> protectedFiles = new HashSet<>();
    private final boolean force;

    OutputGuard(boolean force) {
        this.force = force;
    }

    /** Files never to be replaced: the inputs, the model. */
    OutputGuard protect(Collection<Path> files) {
        for (Path f : files) {
            protectedFiles.add(canonical(f));
        }
        return this;
    }

    /** The patient log, with the files SQLite keeps beside it. */
    OutputGuard protectLog(Path db) {
        if (db != null) {
            for (String suffix : SQLITE_SIDE_FILES) {
                protectedFiles.add(canonical(db.resolveSibling(db.getFileName() + suffix)));
            }
        }
        return this;
    }

    /** True when {@code target} is an input, the model, the log, or holds an image or a database. */
    boolean isProtected(Path target) {
        return protectedFiles.contains(canonical(target)) || Precious.content(target);
    }

    /**
     * Checks a text output such as {@code --csv}: an existing file is replaced only when its first line starts with
     * {@code ownHeaderStart} (this command wrote it) or with {@code --force}.
     */
    void checkFile(String option, Path target, String ownHeaderStart) throws UnsafeOutputException {
        if (isProtected(target)) {
            throw new UnsafeOutputException(option + " " + target + " is one of this command's inputs, its model, "
                    + "its patient log, or an image or database file; it is never overwritten (not even with --force). "
                    + "Give the output a new file name.");
        }
        if (Files.isDirectory(target)) {
            throw new UnsafeOutputException(option + " " + target + " is a folder; give a file name.");
        }
        if (!Files.exists(target) || force) {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                throw new UnsafeOutputException(option + " " + target + " is not a regular file; give a file name.");
            }
            return;
        }
        // null: this command recognises no file of its own (a model file): an existing one needs --force
        if (!Files.isRegularFile(target) || ownHeaderStart == null || !startsWith(target, ownHeaderStart)) {
            throw new UnsafeOutputException(option + " " + target + " already exists and was not written by "
                    + "LungLens; it was left untouched. Give a new file name, or add --force to replace it.");
        }
    }

    /**
     * Checks a model file to be written ({@code --out} of train-like commands): it must be named NAME.zip, since its
     * card, split and plots are named after it, and it is checked as {@link #checkFile} checks any output (an input
     * model, such as the one a combined or adapted model is made from, is never replaced).
     */
    void checkModelFile(String option, Path target) throws UnsafeOutputException {
        if (!ModelFileNames.isModelFileName(target)) {
            throw new UnsafeOutputException(option + " " + target + " must name a model file ending in .zip "
                    + "(its card, split and plots are written beside it under the same name).");
        }
        checkFile(option, target, null);
    }

    /** Checks an output folder: an existing non-folder (an image named by mistake) is refused. */
    void checkFolder(String option, Path target) throws UnsafeOutputException {
        if (isProtected(target) || (Files.exists(target) && !Files.isDirectory(target))) {
            throw new UnsafeOutputException(option + " " + target + " is a file, not a folder; it was left "
                    + "untouched. Give a folder (it is created if missing).");
        }
    }

    /** May a batch export write {@code file}? Never an input or the log; an existing file only with --force. */
    boolean mayWrite(Path file) {
        return !isProtected(file) && (force || !Files.exists(file));
    }

    private static boolean startsWith(Path file, String headerStart) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.startsWith(headerStart);
        } catch (IOException e) {
            // Binary content (not UTF-8) or unreadable: not a CSV we wrote.
            return false;
        }
    }

    /** The same file whether named through a symlink, "..", or relative: resolves the nearest existing parent. */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                return abs.toRealPath();
            }
            Path parent = abs.getParent();
            if (parent != null && Files.exists(parent)) {
                return parent.toRealPath().resolve(abs.getFileName());
            }
        } catch (IOException e) {
            // An unresolvable path is compared as written.
        }
        return abs;
    }
}
