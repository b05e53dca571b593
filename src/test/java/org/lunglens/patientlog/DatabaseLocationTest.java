package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLocationTest {
    private static final Path HOME = Path.of("/home/ada");

    @TempDir
    Path dir;

    @Test
    void defaultIsUnderXdgDataHome() {
        assertThat(DatabaseLocation.defaultFile(Map.of("XDG_DATA_HOME", "/data/ada"), HOME))
                .isEqualTo(Path.of("/data/ada/lunglens/lunglens.db"));
    }

    @Test
    void withoutAnAbsoluteXdgDataHomeTheDefaultIsInLocalShare() {
        Path expected = Path.of("/home/ada/.local/share/lunglens/lunglens.db");
        assertThat(DatabaseLocation.defaultFile(Map.of(), HOME)).isEqualTo(expected);
        assertThat(DatabaseLocation.defaultFile(Map.of("XDG_DATA_HOME", ""), HOME)).isEqualTo(expected);
        assertThat(DatabaseLocation.defaultFile(Map.of("XDG_DATA_HOME", "relative/dir"), HOME)).isEqualTo(expected);
    }

    @Test
    void commandLineWinsOverPreferenceWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of();
        Path cli = Path.of("/tmp/cli.db");
        Path preference = Path.of("/tmp/pref.db");

        assertThat(DatabaseLocation.resolve(cli, preference, env, HOME)).isEqualTo(cli);
        assertThat(DatabaseLocation.resolve(null, preference, env, HOME)).isEqualTo(preference);
        assertThat(DatabaseLocation.resolve(null, null, env, HOME))
                .isEqualTo(DatabaseLocation.defaultFile(env, HOME));
    }

    @Test
    void aNewLogAndItsJournalAreOwnerOnlyAndItsMissingFoldersAreCreated() throws Exception {
        Path file = DatabaseLocation.defaultFile(Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()), HOME);

        try (PatientLog log = TestLogs.open(file)) {
            log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ownerOnly);
            assertThat(Files.getPosixFilePermissions(Path.of(file + "-wal"))).isEqualTo(ownerOnly);
            assertThat(Files.getPosixFilePermissions(file.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(file).isEqualTo(dir.resolve("xdg/lunglens/lunglens.db"));
    }
}
