package org.lunglens.ui.viewer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The most recently opened files, newest first, kept in a {@link Preferences} node between runs. */
public final class RecentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
    private static final int MAX = 10;
    private static final String KEY = "recent.";

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The app's own node (per user). */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("org/lunglens/viewer"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = node.get(KEY + i, null);
            if (v != null) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> now = list();
        now.remove(abs);
        now.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < now.size()) {
                node.put(KEY + i, now.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not worth bothering the reader: the list still works for this session.
            LOG.warn("Could not save the recent files list: {}", e.getMessage());
        }
    }
}
