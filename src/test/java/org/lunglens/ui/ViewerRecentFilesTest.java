package org.lunglens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunglens.ui.viewer.RecentFiles;

class ViewerRecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("org/lunglens/test-recent-" + System.nanoTime());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostTen() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 12; i++) {
            recent.add(Path.of("/data/f" + i + ".png"));
        }
        recent.add(Path.of("/data/f5.png"));
        assertThat(recent.list()).hasSize(10).startsWith(Path.of("/data/f5.png"), Path.of("/data/f11.png"))
                .doesNotHaveDuplicates();
        assertThat(new RecentFiles(node).list()).as("kept between runs").isEqualTo(recent.list());
    }
}
