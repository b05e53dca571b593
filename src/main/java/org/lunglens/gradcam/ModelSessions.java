package org.lunglens.gradcam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.lunglens.model.ModelLoadException;

/**
 * Loaded models by file, reloaded when the file changes on disk (a training run replaces the bundled
 * model whenever it saves a better epoch). Confine to the one inference thread, like the sessions.
 */
public final class ModelSessions {
    private record Entry(ModelSession session, FileTime modified, long size) {
    }

    private final Map<Path, Entry> sessions = new HashMap<>();

    public ModelSession get(Path file) throws ModelLoadException {
        Path key = file.toAbsolutePath().normalize();
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(key);
            size = Files.size(key);
        } catch (IOException e) {
            sessions.remove(key);
            throw new ModelLoadException(file + ": model file not found", e);
        }
        Entry e = sessions.get(key);
        if (e == null || !e.modified().equals(modified) || e.size() != size) {
            e = new Entry(ModelSession.open(key), modified, size);
            sessions.put(key, e);
        }
        return e.session();
    }
}
