package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measurements per image: kept across a reopen, removed by archiving, restored, audited, never changed. */
class MeasurementRepositoryTest {
    private static final String GEOMETRY = "{\"points\":[[1.0,2.0],[30.5,40.0]]}";

    @TempDir
    Path dir;

    @Test
    void keptPerImageAcrossAReopenArchivedAndRestoredWithATrail() throws Exception {
        Path file = dir.resolve("log.db");
        long imageId;
        try (PatientLog log = TestLogs.open(file)) {
            imageId = TestLogs.image(log, 1).id();
            MeasurementRecord m = log.measurements().add(imageId, "u-1", "ruler", GEOMETRY, "48.9 mm");
            assertThat(m.changedBy()).isEqualTo(TestLogs.USER);
            // the viewer may send the same measurement twice (a retry): one row
            assertThat(log.measurements().add(imageId, "u-1", "ruler", GEOMETRY, "48.9 mm").id()).isEqualTo(m.id());
            log.measurements().add(imageId, "u-2", "text", "{\"points\":[[5,5]],\"text\":\"R\"}", "R");
        }
        try (PatientLog log = TestLogs.open(file)) {
            assertThat(log.measurements().forImage(imageId, false)).extracting(MeasurementRecord::uid)
                    .containsExactly("u-1", "u-2");
            assertThat(log.measurements().setArchived("u-1", true).archived()).isTrue();
            assertThat(log.measurements().forImage(imageId, false)).extracting(MeasurementRecord::uid)
                    .containsExactly("u-2");
            assertThat(log.history(imageId).measurements()).extracting(MeasurementRecord::uid, MeasurementRecord::archived)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("u-1", true),
                            org.assertj.core.groups.Tuple.tuple("u-2", false));
            log.measurements().setArchived("u-1", false);
            assertThat(log.measurements().forImage(imageId, false)).hasSize(2);
            assertThat(log.audit().forRow("measurements", log.measurements().forImage(imageId, false).get(0).id()))
                    .extracting(AuditEntry::action).containsExactly("INSERT", "UPDATE", "UPDATE");
        }
    }

    @Test
    void neitherDeletedNorChangedNorOfAnUnknownKind() throws Exception {
        Path file = dir.resolve("log.db");
        try (PatientLog log = TestLogs.open(file)) {
            long imageId = TestLogs.image(log, 1).id();
            log.measurements().add(imageId, "u-1", "angle", "{\"points\":[[0,0],[1,1],[2,0]]}", "90.0\u00b0");
            assertThatThrownBy(() -> log.measurements().add(imageId, "u-2", "volume", GEOMETRY, ""))
                    .isInstanceOf(LogStoreException.class);
            assertThatThrownBy(() -> log.measurements().add(imageId, "u-3", "ruler", "not json", ""))
                    .isInstanceOf(LogStoreException.class);
            assertThatThrownBy(() -> log.measurements().setArchived("nope", true)).isInstanceOf(LogStoreException.class);
        }
        try (Connection c = TestLogs.raw(file); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM measurements")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("never deletes");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE measurements SET value_text = '1'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("unchanged");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM measurements")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
